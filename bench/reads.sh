#!/usr/bin/env bash
# Reads at the speed of the stack: starts a Hangar from api/target/hangar.jar on the embedded
# defaults (fresh data dir, rate limit raised), registers and logs in one user, and measures with wrk
# (2 threads, 16 connections, after a warm-up) the refusal path (GET /api/v1/users/me without a
# token: filters, security, error body) and the three authenticated reads in one run, interleaved
# over several rounds; then the process's RSS. Usage: bash bench/reads.sh   (JAVA_OPTS: the JVM settings; default run.sh's)
#   JAR: the jar to measure (default api/target/hangar.jar): e.g. one built from an older commit.
#   BENCH_SECS (default 10: seconds per endpoint and round), BENCH_ROUNDS (default 3), BENCH_PORT
#   (default 18095), KEEP=1 leaves the server running.
# Needs wrk (Debian package wrk). Run when `uptime` shows little else running.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${BENCH_PORT:-18095}"; SECS="${BENCH_SECS:-10}"; URL="http://127.0.0.1:$PORT"
DEFAULT_OPTS=$(sed -n 's/^HANGAR_DEFAULT_JAVA_OPTS="\(.*\)"$/\1/p' scripts/run.sh)
OPTS="${JAVA_OPTS-$DEFAULT_OPTS}"
DATA=$(mktemp -d /tmp/hangar-bench.XXXXXX)
echo "# $(date -u +%FT%TZ) load before: $(cut -d' ' -f1-3 /proc/loadavg); JAVA_OPTS=$OPTS"
# shellcheck disable=SC2086
HANGAR_DATA_DIR=$DATA SERVER_PORT=$PORT HANGAR_RATE_LIMIT_REQUESTS_PER_MINUTE=100000000 \
  java $OPTS -Dhangar.rate-limit.requests-per-minute=100000000 -jar "${JAR:-api/target/hangar.jar}" >"$DATA/hangar.log" 2>&1 &
PID=$!
trap '[ "${KEEP:-0}" = 1 ] || kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "$URL/health"; do kill -0 $PID || { tail -30 "$DATA/hangar.log"; exit 1; }; sleep 0.2; done
u="bench_$$"
curl -fsS -XPOST "$URL/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$u\",\"email\":\"$u@example.com\",\"password\":\"securepassword123\"}" >/dev/null
TOKEN=$(curl -fsS -XPOST "$URL/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$u\",\"password\":\"securepassword123\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
# one wrk run: name, path, auth?, seconds; appends "rps p50 p99" to $DATA/res.<name>
run() {
  local args=(-t2 -c16 --latency)
  [ "$3" = yes ] && args+=(-H "Authorization: Bearer $TOKEN")
  local out; out=$(wrk "${args[@]}" -d"$4s" "$URL$2")
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  echo "$rps $(ms "$p50") $(ms "$p99") ${non2xx:-0}" >>"$DATA/res.$1"
}
ms() { # wrk's 1.23ms / 456.00us / 1.20s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
ENDPOINTS=("refusal /api/v1/users/me no" "users-me /api/v1/users/me yes" "plans /api/plans yes" "databases /api/databases yes")
ROUNDS="${BENCH_ROUNDS:-3}"
echo "warm-up: each endpoint 5 s"
for e in "${ENDPOINTS[@]}"; do set -- $e; run "warm-$1" "$2" "$3" 5; done
# the endpoints interleaved, ROUNDS times: load and JIT move during a run, so each read is compared
# with the refusal path of its own round (the ratio), and the medians over the rounds are reported
echo "wrk -t2 -c16 --latency, ${SECS} s per endpoint, ${ROUNDS} rounds interleaved"
for r in $(seq 1 "$ROUNDS"); do
  for e in "${ENDPOINTS[@]}"; do set -- $e; run "$1" "$2" "$3" "$SECS"; done
  echo "  round $r done, load $(cut -d' ' -f1-3 /proc/loadavg)"
done
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf '%-10s %-18s %10s %9s %9s %8s   %s\n' endpoint path "req/s" "p50 ms" "p99 ms" ratio "(medians over the rounds; ratio: req/s over the same round's refusal path)"
for e in "${ENDPOINTS[@]}"; do
  set -- $e
  rps=$(cut -d' ' -f1 "$DATA/res.$1" | median); p50=$(cut -d' ' -f2 "$DATA/res.$1" | median)
  p99=$(cut -d' ' -f3 "$DATA/res.$1" | median)
  ratio=$(paste -d' ' "$DATA/res.$1" "$DATA/res.refusal" | awk '{printf "%.3f\n", $1 / $5}' | median)
  printf '%-10s %-18s %10.0f %9s %9s %8.2f\n' "$1" "$2" "$rps" "$p50" "$p99" "$ratio"
done
echo "RSS after the benchmark: $(awk '/VmRSS/ {printf "%d MB", $2/1024}' /proc/$PID/status); load after: $(cut -d' ' -f1-3 /proc/loadavg)"
