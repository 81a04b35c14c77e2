#!/usr/bin/env bash
# Reads at the speed of the stack: starts a Hangar from api/target/hangar.jar on the embedded
# defaults (fresh data dir, rate limit raised), registers and logs in one user, and measures with wrk
# (2 threads, 16 connections, after a warm-up) the refusal path (GET /api/v1/users/me without a
# token: filters, security, error body) and the three authenticated reads in one run; then the
# process's RSS. Usage: bash bench/reads.sh   (JAVA_OPTS: the JVM settings; default run.sh's)
#   JAR: the jar to measure (default api/target/hangar.jar): e.g. one built from an older commit.
#   BENCH_SECS (default 15), BENCH_PORT (default 18095), KEEP=1 leaves the server running.
# Needs wrk (Debian package wrk). Run when `uptime` shows little else running.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${BENCH_PORT:-18095}"; SECS="${BENCH_SECS:-15}"; URL="http://127.0.0.1:$PORT"
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
run() { # name, path, auth?
  local args=(-t2 -c16 --latency)
  [ "$3" = yes ] && args+=(-H "Authorization: Bearer $TOKEN")
  wrk "${args[@]}" -d5s "$URL$2" >/dev/null   # warm-up
  local out; out=$(wrk "${args[@]}" -d"${SECS}s" "$URL$2")
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-22s %-20s %10s req/s  p50 %8s  p99 %8s  non-2xx %s\n' "$1" "$2" "$rps" "$p50" "$p99" "${non2xx:-0}"
  echo "$rps" >"$DATA/rps.$1"
}
echo "wrk -t2 -c16 -d${SECS}s --latency (after 5 s warm-up)"
run refusal /api/v1/users/me no
run users-me /api/v1/users/me yes
run plans /api/plans yes
run databases /api/databases yes
# the refusal path again: load and JIT warm-up move during a run; the ratio is taken against the
# faster of the two refusal runs (the conservative choice)
run refusal-again /api/v1/users/me no
ref=$(printf '%s\n%s\n' "$(cat "$DATA/rps.refusal")" "$(cat "$DATA/rps.refusal-again")" | sort -g | tail -1)
for n in users-me plans databases; do
  printf 'ratio %-10s %.2f of the refusal path\n' "$n" "$(echo "$(cat "$DATA/rps.$n") / $ref" | bc -l)"
done
echo "RSS after the benchmark: $(awk '/VmRSS/ {printf "%d MB", $2/1024}' /proc/$PID/status); load after: $(cut -d' ' -f1-3 /proc/loadavg)"
