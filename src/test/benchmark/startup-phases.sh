#!/usr/bin/env bash
# Where one start-up of the production jar goes: starts the console once in a fresh empty directory (a new H2
# database migrated and the demo seeded, as at a first start), waits for the first HTTP 200 on /login, takes the
# resident set size (RSS) and the CPU time used by then, and prints when each step of the start-up ended, read from
# the timestamps of known lines of its log (the first line matching each pattern, printed beside it), in the order
# they came, with the seconds since the step before. A line missing from the log (another Spring Boot, a changed
# message) is reported as such. The demo seeding and the other ApplicationRunners run after "Started ...", beside the
# first requests; SpringDoc's note at ApplicationReadyEvent marks their end.
# Builds nothing: give it the jar of `mvn -Pproduction package`. Extra arguments go to java before -jar
# (-XX:AOTCache=app.aot, -Dspring.some.property=...). KEEP_LOG=file keeps the console's log; PORT (18080) is the
# port to use. Needs curl, bc and GNU date; Linux (/proc).
#   src/test/benchmark/startup-phases.sh target/calcon-fleet-console-0.1.0-SNAPSHOT.jar [JAVA_OPTIONS...]
set -euo pipefail

JAR=$(realpath "${1:?usage: startup-phases.sh <production jar> [java options...]}")
shift
PORT=${PORT:-18080}
JAVA=${JAVA:-java}
DIR=$(mktemp -d /tmp/calcon-phases.XXXXXX)
LOG="$DIR/console.log"
trap 'rm -rf "$DIR"' EXIT

# What has happened | extended regular expression of its log line. Printed in the order they happened (with the
# entity manager factory built in the background, `spring.data.jpa.repositories.bootstrap-mode=deferred`, its line
# comes on another thread and may come after later ones of the main thread), each with the time since the one before.
EVENTS=(
  "Spring starts|Starting [A-Za-z]+Application (v[^ ]+ )?using Java"
  "repository scan begins|Bootstrapping Spring Data JPA repositories"
  "repository scan done|Finished Spring Data repository scanning"
  "Tomcat initialised|Tomcat initialized with port"
  "web context made|Root WebApplicationContext: initialization completed"
  "Flyway done (pool, migrations)|Successfully applied [0-9]+ migration|Schema .* is up to date"
  "entity manager factory built|Initialized JPA EntityManagerFactory"
  "job engine made|job engine node: "
  "Tomcat started (security, etc.)|Tomcat started on port"
  "context started|Started [A-Za-z]+Application in "
)

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "something already answers on port $PORT; give another one: PORT=... $0 ..." >&2
  exit 1
fi
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

found=()
for event in "${EVENTS[@]}"; do
  label=${event%%|*}
  pattern=${event#*|}
  line=$(grep -m1 -E "$pattern" "$LOG" || true)
  if [ -z "$line" ]; then
    echo "not in the log: $label /$pattern/"
    continue
  fi
  thread=$(sed -E 's/^[^[]*\[[^]]*\] \[ *([^]]*)\].*/\1/' <<<"$line")
  found+=("$(stamp "$line")|$label|$thread|$pattern")
done
found+=("$first_page|first 200 on /login|curl|")
printf '%-32s %8s %8s  %-8s %s\n' "what has happened" "+seconds" "at" thread "log line"
previous=$start
while IFS='|' read -r at label thread pattern; do
  printf '%-32s %8.1f %8.1f  %-8s %s\n' "$label" "$(echo "$at - $previous" | bc)" "$(echo "$at - $start" | bc)" \
    "$thread" "${pattern:+/$pattern/}"
  previous=$at
done < <(printf '%s\n' "${found[@]}" | sort -t'|' -k1,1n)
started=$(grep -m1 -E "Started [A-Za-z]+Application in " "$LOG" || true)
ready=$(grep -m1 -E "SpringDoc /v3/api-docs endpoint" "$LOG" || true)
if [ -n "$started" ] && [ -n "$ready" ]; then
  printf '%-32s %8.1f %8.1f  %-8s %s\n' "runners done (demo seeding)" \
    "$(echo "$(stamp "$ready") - $(stamp "$started")" | bc)" "$(echo "$(stamp "$ready") - $start" | bc)" main \
    "/SpringDoc \/v3\/api-docs endpoint/ (ApplicationReadyEvent), + from 'context started'"
fi
echo "RSS at the first 200: $rss MB; CPU by then: $cpu s; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
