#!/usr/bin/env bash
# Start-up of the production jar three ways, interleaved, median of RUNS (default 3): to the first HTTP 200 on
# /login, and the resident set size (RSS) of the process right then.
#   plain      java -jar console.jar
#   extracted  java -jar extracted/console.jar        (java -Djarmode=tools -jar console.jar extract)
#   aot        java -XX:AOTCache=console.aot -jar extracted/console.jar, the cache made once beforehand by a
#              training run (-XX:AOTCacheOutput) that starts the console, opens /login and stops it
# Builds nothing: give it the jar of `mvn -Pproduction package`. Every start runs in a fresh empty directory, so
# each one migrates a new H2 database and seeds the demo (the console's first start). Needs curl; Linux (/proc).
#   src/test/benchmark/startup.sh target/calcon-fleet-console-0.1.0-SNAPSHOT.jar [RUNS] [PORT]
set -euo pipefail

JAR=$(realpath "${1:?usage: startup.sh <production jar> [runs] [port]}")
RUNS=${2:-3}
PORT=${3:-18080}
JAVA=${JAVA:-java}
WORK=$(mktemp -d /tmp/calcon-startup.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

run_dir() {
  local dir
  dir=$(mktemp -d "$WORK/run.XXXXXX")
  echo "$dir"
}

# Starts "$@" (after the name of the way) in a fresh directory, waits for 200 on /login; prints "seconds rss_mb"
# and stops the process. With LOGS set, keeps the console's log there as <way>-<n>.log.
start_once() {
  local way=$1 dir pid start code seconds rss
  shift
  dir=$(run_dir)
  start=$(date +%s.%N)
  (cd "$dir" && exec "$JAVA" "$@" --server.port="$PORT" >"$dir/console.log" 2>&1) &
  pid=$!
  code=000
  while [ "$code" != 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the console stopped; its log: $dir/console.log" >&2
      tail -20 "$dir/console.log" >&2
      exit 1
    fi
    sleep 0.1
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)
  done
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  if [ -n "${LOGS:-}" ]; then
    mkdir -p "$LOGS" && cp "$dir/console.log" "$LOGS/$way-$(ls "$LOGS" | grep -c "^$way-" || true).log"
  fi
  rm -rf "$dir"
  printf '%.1f %s\n' "$seconds" "$rss"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

echo "extracting $JAR"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" >/dev/null
EXTRACTED=$(ls "$WORK"/extracted/*.jar)
echo "training run for the AOT cache"
dir=$(run_dir)
(cd "$dir" && exec "$JAVA" -XX:AOTCacheOutput="$WORK/console.aot" -jar "$EXTRACTED" --server.port="$PORT" \
  >"$dir/training.log" 2>&1) &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { tail -20 "$dir/training.log" >&2; exit 1; }
  sleep 0.2
done
kill "$pid"
wait "$pid" 2>/dev/null || true
[ -s "$WORK/console.aot" ] || { echo "no AOT cache written; see $dir/training.log" >&2; tail -20 "$dir/training.log" >&2; exit 1; }
echo "AOT cache: $(du -m "$WORK/console.aot" | cut -f1) MB"

declare -A times rss
for run in $(seq "$RUNS"); do
  for way in plain extracted aot; do
    case $way in
      plain) result=$(start_once $way -jar "$JAR") ;;
      extracted) result=$(start_once $way -jar "$EXTRACTED") ;;
      aot) result=$(start_once $way -XX:AOTCache="$WORK/console.aot" -jar "$EXTRACTED") ;;
    esac
    echo "run $run $way: ${result% *} s, RSS ${result#* } MB"
    times[$way]+="${result% *}"$'\n'
    rss[$way]+="${result#* }"$'\n'
  done
done

plain=$(printf '%s' "${times[plain]}" | median)
for way in plain extracted aot; do
  t=$(printf '%s' "${times[$way]}" | median)
  printf '%-10s median %5.1f s (%.2f× plain), RSS %s MB\n' "$way" "$t" "$(echo "$t / $plain" | bc -l)" \
    "$(printf '%s' "${rss[$way]}" | median)"
done
