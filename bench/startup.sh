#!/usr/bin/env bash
# Start-up to the first answered request (GET /health 200), in seconds, on the embedded defaults.
# Usage: bash bench/startup.sh [DATA_DIR]   (default: a fresh, empty data dir)
#   JAR (default api/target/hangar.jar), JAVA_OPTS (default: run.sh's), BENCH_PORT (default 18096).
#   Starts as scripts/run.sh does, from the class-data-sharing archive (scripts/cds.sh writes it
#   once per build of JAR); HANGAR_CDS=0 starts the plain jar.
# Prints the wall time and the CPU time the process used until then.
# With a populated DATA_DIR (e.g. from bench/generate-events.sh) it measures start-up over its events.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${BENCH_PORT:-18096}"
DEFAULT_OPTS=$(sed -n 's/^HANGAR_DEFAULT_JAVA_OPTS="\(.*\)"$/\1/p' scripts/run.sh)
OPTS="${JAVA_OPTS-$DEFAULT_OPTS}"
JAR="${JAR:-api/target/hangar.jar}"
if [ "${HANGAR_CDS:-1}" = 1 ]; then
  # shellcheck source=../scripts/cds.sh
  source scripts/cds.sh
  cds_prepare "$JAR" "$OPTS"
  JAR="$CDS_JAR"; OPTS="$CDS_OPTS"
fi
DATA="${1:-$(mktemp -d /tmp/hangar-startup.XXXXXX)}"
start=$(date +%s%N)
# shellcheck disable=SC2086
HANGAR_DATA_DIR=$DATA SERVER_PORT=$PORT java $OPTS -jar "$JAR" >"$DATA/startup.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/health"; do
  kill -0 $PID 2>/dev/null || { tail -20 "$DATA/startup.log"; exit 1; }
  sleep 0.05
done
end=$(date +%s%N)
# CPU time the process used until then (user + system, from /proc/<pid>/stat): on a machine shared
# with other work the wall time moves with the load, the CPU time much less
cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/$PID/stat)
printf 'first answer after %.1f s, %s s of CPU (load %s; JAVA_OPTS=%s)\n' "$(echo "($end - $start) / 1000000000" | bc -l)" \
  "$cpu" "$(cut -d' ' -f1-3 /proc/loadavg)" "$OPTS"
grep -o 'Started HangarApplication in [0-9.]* seconds\|Read models caught up[^$]*' "$DATA/startup.log" | head -2
