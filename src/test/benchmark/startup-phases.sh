#!/usr/bin/env bash
# Where one start-up of the production jar goes: starts the console once in a fresh empty directory (a new H2
# database migrated and the demo seeded, as at a first start), waits for the first HTTP 200 on /login, takes the
# resident set size (RSS) and the CPU time used by then, and prints how long each phase took, read from the
# timestamps of known lines of the start-up log: each phase ends at the first line matching its pattern (printed
# beside it). A phase whose line is missing (another Spring Boot, a changed log) is reported as such, and the next
# one is measured from the last line found. The demo seeding and the other ApplicationRunners run after the line
# "Started ...", beside the first requests; SpringDoc's note at ApplicationReadyEvent marks their end.
# Builds nothing: give it the jar of `mvn -Pproduction package`. Extra arguments go to java before -jar
# (-XX:AOTCache=app.aot, -Dspring.some.property=...). KEEP_LOG=file keeps the console's log. Needs curl, bc and
# GNU date; Linux (/proc).
#   src/test/benchmark/startup-phases.sh target/calcon-fleet-console-0.1.0-SNAPSHOT.jar [JAVA_OPTIONS...]
set -euo pipefail

JAR=$(realpath "${1:?usage: startup-phases.sh <production jar> [java options...]}")
shift
PORT=${PORT:-18080}
JAVA=${JAVA:-java}
DIR=$(mktemp -d /tmp/calcon-phases.XXXXXX)
LOG="$DIR/console.log"
trap 'rm -rf "$DIR"' EXIT

# label | extended regular expression of the line that ends the phase
PHASES=(
  "JVM to Spring start|Starting [A-Za-z]+Application (v[^ ]+ )?using Java"
  "to the repository scan|Bootstrapping Spring Data JPA repositories"
  "repository scan|Finished Spring Data repository scanning"
  "to Tomcat initialised|Tomcat initialized with port"
  "web context|Root WebApplicationContext: initialization completed"
  "pool, Flyway|Successfully applied [0-9]+ migration|Schema .* is up to date"
  "entity manager factory|Initialized JPA EntityManagerFactory"
  "to the job engine|job engine node: "
  "security, actuator, Vaadin|Tomcat started on port"
  "to the context's end|Started [A-Za-z]+Application in "
)

start=$(date +%s.%N)
(cd "$DIR" && exec "$JAVA" "$@" -jar "$JAR" --server.port="$PORT" >"$LOG" 2>&1) &
pid=$!
code=000
until [ "$code" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { echo "the console stopped; its log:" >&2; tail -20 "$LOG" >&2; exit 1; }
  sleep 0.1
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)
done
first_page=$(date +%s.%N)
rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
# CPU of all the JVM's threads (user + system, fields 14 and 15) so far: on a shared machine it scatters less than
# the wall-clock phases, which stretch with the load.
cpu=$(awk -v tick="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / tick }' "/proc/$pid/stat")
# The demo seeding runs after the context is up (ApplicationRunners); its lines, if any, are read once it is done.
sleep "${SETTLE:-5}"
kill "$pid"
wait "$pid" 2>/dev/null || true
[ -z "${KEEP_LOG:-}" ] || cp "$LOG" "$KEEP_LOG"

# Seconds since the epoch of a log line's leading ISO-8601 timestamp (Spring Boot's default format).
stamp() { date -d "$(cut -d' ' -f1 <<<"$1")" +%s.%N; }

printf '%-30s %8s %8s   %s\n' phase seconds at "log line that ends it"
previous=$start
for phase in "${PHASES[@]}"; do
  label=${phase%%|*}
  pattern=${phase#*|}
  line=$(grep -m1 -E "$pattern" "$LOG" || true)
  if [ -z "$line" ]; then
    printf '%-30s %8s %8s   /%s/ not in the log\n' "$label" - - "$pattern"
    continue
  fi
  at=$(stamp "$line")
  printf '%-30s %8.1f %8.1f   /%s/\n' "$label" "$(echo "$at - $previous" | bc)" "$(echo "$at - $start" | bc)" \
    "$pattern"
  previous=$at
done
printf '%-30s %8.1f %8.1f   (curl)\n' "to the first 200 on /login" "$(echo "$first_page - $previous" | bc)" \
  "$(echo "$first_page - $start" | bc)"
started=$(grep -m1 -E "Started [A-Za-z]+Application in " "$LOG" || true)
ready=$(grep -m1 -E "SpringDoc /v3/api-docs endpoint" "$LOG" || true)
if [ -n "$started" ] && [ -n "$ready" ]; then
  printf '%-30s %8.1f %8.1f   /SpringDoc \/v3\/api-docs endpoint/ (ApplicationReadyEvent), off the path above\n' \
    "runners, the demo seeding" "$(echo "$(stamp "$ready") - $(stamp "$started")" | bc)" \
    "$(echo "$(stamp "$ready") - $start" | bc)"
fi
echo "RSS at the first 200: $rss MB; CPU by then: $cpu s; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
