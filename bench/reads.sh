#!/usr/bin/env bash
# Reads at the speed of the stack: starts a Hangar from api/target/hangar.jar on the embedded
# defaults (fresh data dir, rate limit raised), registers and logs in one user, and measures with wrk
# (2 threads, 16 connections, after a warm-up) the refusal path (GET /api/v1/users/me without a
# token: filters, security, error body) and the authenticated reads (users/me, plans, databases, instances) in one run, interleaved
# over several rounds; then the process's RSS.
# Usage: bash bench/reads.sh   (JAVA_OPTS: the JVM settings; default run.sh's)
#   JAR: the jar to measure (default api/target/hangar.jar).
#   JAR_B: a second jar (e.g. one built from an older commit) measured in the same run: both
#     servers run side by side (idle while the other is measured), every round measures each
#     endpoint on A then on B, and B's figures are also given relative to A's. On a machine shared
#     with other work this is the fair before/after comparison: both see the same load.
#   BENCH_SECS (default 10: seconds per endpoint, server and round), BENCH_ROUNDS (default 3),
#   BENCH_PORT (default 18095; B gets the next port), KEEP=1 leaves the servers running.
# Needs wrk (Debian package wrk). Run when `uptime` shows little else running.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${BENCH_PORT:-18095}"; SECS="${BENCH_SECS:-10}"; ROUNDS="${BENCH_ROUNDS:-3}"
DEFAULT_OPTS=$(sed -n 's/^HANGAR_DEFAULT_JAVA_OPTS="\(.*\)"$/\1/p' scripts/run.sh)
OPTS="${JAVA_OPTS-$DEFAULT_OPTS}"
WORK=$(mktemp -d /tmp/hangar-bench.XXXXXX)
echo "# $(date -u +%FT%TZ) load before: $(cut -d' ' -f1-3 /proc/loadavg); JAVA_OPTS=$OPTS"

SERVERS=(A); declare -A JARS=([A]="${JAR:-api/target/hangar.jar}") PORTS=([A]=$PORT) PIDS=() TOKENS=()
if [ -n "${JAR_B:-}" ]; then SERVERS+=(B); JARS[B]=$JAR_B; PORTS[B]=$((PORT + 1)); fi
cleanup() { [ "${KEEP:-0}" = 1 ] || for s in "${SERVERS[@]}"; do [ -n "${PIDS[$s]:-}" ] && kill "${PIDS[$s]}" 2>/dev/null; done; wait 2>/dev/null || true; }
trap cleanup EXIT
for s in "${SERVERS[@]}"; do
  mkdir -p "$WORK/$s"
  echo "server $s: ${JARS[$s]} on port ${PORTS[$s]}"
  # shellcheck disable=SC2086
  HANGAR_DATA_DIR="$WORK/$s" SERVER_PORT=${PORTS[$s]} HANGAR_RATE_LIMIT_REQUESTS_PER_MINUTE=100000000 \
    java $OPTS -Dhangar.rate-limit.requests-per-minute=100000000 -jar "${JARS[$s]}" >"$WORK/$s/hangar.log" 2>&1 &
  PIDS[$s]=$!
done
for s in "${SERVERS[@]}"; do
  url="http://127.0.0.1:${PORTS[$s]}"
  until curl -fs -o /dev/null "$url/health"; do kill -0 "${PIDS[$s]}" || { tail -30 "$WORK/$s/hangar.log"; exit 1; }; sleep 0.2; done
  u="bench_$$_$s"
  curl -fsS -XPOST "$url/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$u\",\"email\":\"$u@example.com\",\"password\":\"securepassword123\"}" >/dev/null
  TOKENS[$s]=$(curl -fsS -XPOST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$u\",\"password\":\"securepassword123\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
done

ms() { # wrk's 1.23ms / 456.00us / 1.20s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
# one wrk run: server, name, path, auth?, seconds; appends "rps p50 p99 non2xx" to $WORK/res.<server>.<name>
run() {
  local args=(-t2 -c16 --latency)
  [ "$4" = yes ] && args+=(-H "Authorization: Bearer ${TOKENS[$1]}")
  local out; out=$(wrk "${args[@]}" -d"$5s" "http://127.0.0.1:${PORTS[$1]}$3")
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  echo "$rps $(ms "$p50") $(ms "$p99") ${non2xx:-0}" >>"$WORK/res.$1.$2"
}
ENDPOINTS=("refusal /api/v1/users/me no" "users-me /api/v1/users/me yes" "plans /api/plans yes" "databases /api/databases yes" "instances /api/instances yes")
echo "warm-up: each endpoint 5 s on each server"
for e in "${ENDPOINTS[@]}"; do set -- $e; for s in "${SERVERS[@]}"; do run "$s" "warm-$1" "$2" "$3" 5; done; done
# the endpoints interleaved, ROUNDS times: load and JIT move during a run, so each read is compared
# with the refusal path of its own round and server (the ratio), and the medians over the rounds are reported
echo "wrk -t2 -c16 --latency, ${SECS} s per endpoint and server, ${ROUNDS} rounds interleaved"
for r in $(seq 1 "$ROUNDS"); do
  for e in "${ENDPOINTS[@]}"; do set -- $e; for s in "${SERVERS[@]}"; do run "$s" "$1" "$2" "$3" "$SECS"; done; done
  echo "  round $r done, load $(cut -d' ' -f1-3 /proc/loadavg)"
done
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "medians over the rounds; ratio: req/s over the same round's refusal path on the same server"
printf '%-3s %-10s %-18s %10s %9s %9s %8s\n' srv endpoint path "req/s" "p50 ms" "p99 ms" ratio
for s in "${SERVERS[@]}"; do
  for e in "${ENDPOINTS[@]}"; do
    set -- $e
    f="$WORK/res.$s.$1"
    rps=$(cut -d' ' -f1 "$f" | median); p50=$(cut -d' ' -f2 "$f" | median); p99=$(cut -d' ' -f3 "$f" | median)
    ratio=$(paste -d' ' "$f" "$WORK/res.$s.refusal" | awk '{printf "%.3f\n", $1 / $5}' | median)
    printf '%-3s %-10s %-18s %10.0f %9s %9s %8.2f\n' "$s" "$1" "$2" "$rps" "$p50" "$p99" "$ratio"
  done
done
if [ -n "${JAR_B:-}" ]; then
  for e in "${ENDPOINTS[@]}"; do
    set -- $e
    printf 'B/A %-10s req/s %.2f (median of the rounds)\n' "$1" \
      "$(paste -d' ' "$WORK/res.B.$1" "$WORK/res.A.$1" | awk '{printf "%.3f\n", $1 / $5}' | median)"
  done
fi
for s in "${SERVERS[@]}"; do
  echo "server $s RSS after the benchmark: $(awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/${PIDS[$s]}/status")"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
