#!/usr/bin/env bash
# End-to-end check of the hangar/* database images, from the HOST over 127.0.0.1:
#   for each engine: start a container with a random password + named volume,
#   published on 127.0.0.1:<free port>; wait for a real login (prints the time);
#   check a wrong password is refused; write data; docker stop (must be clean,
#   exit code 0) + docker start; log in again and read the data back; re-create
#   the container on the same volume with a DIFFERENT password env and check the
#   data (and, for postgres/mariadb, the original password) survive.
# Cleans up its containers and volumes; exits non-zero on any failure.
# HANGAR_IMAGES="postgres redis" checks only a subset. Missing images are built.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LABEL="hangar.verify=1"
LOGIN_TIMEOUT="${HANGAR_VERIFY_TIMEOUT:-120}"
SELECTED="${HANGAR_IMAGES:-postgres mariadb redis}"

log()  { echo "[verify] $*"; }
fail() { echo "[verify] FAIL: $*" >&2; FAILED=1; }
FAILED=0

cleanup() {
  local ids
  ids="$(docker ps -aq --filter "label=$LABEL" 2>/dev/null || true)"
  [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1 || true
  ids="$(docker volume ls -q --filter "label=$LABEL" 2>/dev/null || true)"
  [ -n "$ids" ] && docker volume rm -f $ids >/dev/null 2>&1 || true
}

bash "$REPO_ROOT/scripts/ensure-docker.sh"
cleanup            # leftovers of an interrupted earlier run
trap cleanup EXIT

# --- host clients -----------------------------------------------------------
need=()
for name in $SELECTED; do
  case "$name" in
    postgres) command -v psql >/dev/null 2>&1 || need+=(postgresql-client) ;;
    mariadb)  command -v mariadb >/dev/null 2>&1 || command -v mysql >/dev/null 2>&1 || need+=(mariadb-client) ;;
    redis)    command -v redis-cli >/dev/null 2>&1 || need+=(redis-tools) ;;
    *) echo "[verify] unknown image '$name'" >&2; exit 2 ;;
  esac
done
if [ ${#need[@]} -gt 0 ]; then
  while command -v pgrep >/dev/null 2>&1 && { pgrep -x apt-get >/dev/null 2>&1 || pgrep -x dpkg >/dev/null 2>&1; }; do sleep 2; done
  log "installing host clients: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends "${need[@]}" >/dev/null
fi
MYSQL="$(command -v mariadb || command -v mysql || true)"

# --- images -------------------------------------------------------------------
missing=()
for name in $SELECTED; do
  case "$name" in
    postgres) img=hangar/postgres:15 ;; mariadb) img=hangar/mariadb:10.11 ;; redis) img=hangar/redis:7 ;;
  esac
  docker image inspect "$img" >/dev/null 2>&1 || missing+=("$name")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "images missing (${missing[*]}); building them"
  HANGAR_IMAGES="${missing[*]}" bash "$REPO_ROOT/scripts/build-images.sh"
fi

# --- helpers --------------------------------------------------------------------
# random password with characters that need escaping in SQL / config files
randpw() { printf '%s%s' "$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16)" "-x'y\"z\\!\$#"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$(( 20000 + RANDOM % 30000 ))
    port_in_use "$p" || { echo "$p"; return 0; }
  done
  return 1
}
now_ms() { date +%s%3N; }

# run_container NAME PORTVAR CONTAINER_PORT VOLUME:PATH IMAGE ENV...
#   picks a free host port (retrying if docker says it is taken), sets $PORT
run_container() {
  local name="$1" cport="$2" vol="$3" img="$4"; shift 4
  local envs=() e
  for e in "$@"; do envs+=(-e "$e"); done
  for _ in 1 2 3 4 5; do
    PORT="$(free_port)"
    if docker run -d --name "$name" --label "$LABEL" -v "$vol" \
         -p "127.0.0.1:$PORT:$cport" "${envs[@]}" "$img" >/dev/null 2>/tmp/hangar-verify-run.err; then
      return 0
    fi
    docker rm -f "$name" >/dev/null 2>&1 || true
    grep -qiE 'already allocated|address already in use' /tmp/hangar-verify-run.err || { cat /tmp/hangar-verify-run.err >&2; return 1; }
  done
  return 1
}

# wait_login NAME CMD... : retry CMD until it succeeds; prints elapsed ms in $WAITED_MS
wait_login() {
  local name="$1"; shift
  local t0 deadline
  t0=$(now_ms); deadline=$(( t0 + LOGIN_TIMEOUT * 1000 ))
  while true; do
    if "$@" >/dev/null 2>&1; then WAITED_MS=$(( $(now_ms) - t0 )); return 0; fi
    if [ "$(docker inspect -f '{{.State.Running}}' "$name" 2>/dev/null)" != "true" ]; then
      echo "[verify] container $name is not running; logs:" >&2
      docker logs --tail 40 "$name" >&2 || true
      return 1
    fi
    if [ "$(now_ms)" -ge $deadline ]; then
      echo "[verify] no login within ${LOGIN_TIMEOUT}s; logs of $name:" >&2
      docker logs --tail 40 "$name" >&2 || true
      return 1
    fi
    sleep 0.2
  done
}

# clean_stop NAME : docker stop must finish before the 10s kill and exit 0
clean_stop() {
  local name="$1" t0 code
  t0=$(now_ms)
  docker stop "$name" >/dev/null
  code="$(docker inspect -f '{{.State.ExitCode}}' "$name")"
  log "  docker stop took $(( $(now_ms) - t0 )) ms, exit code $code"
  [ "$code" = 0 ] || { docker logs --tail 20 "$name" >&2; return 1; }
}

fmt_s() { awk -v ms="$1" 'BEGIN{printf "%.1fs", ms/1000}'; }

declare -A RESULT

# --- postgres -------------------------------------------------------------------
verify_postgres() {
  local c="hangar-verify-pg-$$" vol="hangar-verify-pg-$$" pw pw2 user=hangar db=appdb
  pw="$(randpw)"; pw2="$(randpw)"
  docker volume create --label "$LABEL" "$vol" >/dev/null
  pg()  { PGPASSWORD="$1" PGCONNECT_TIMEOUT=3 psql -X -h 127.0.0.1 -p "$PORT" -U "$user" -d "$db" -v ON_ERROR_STOP=1 -tA -c "$2"; }
  log "postgres: starting hangar/postgres:15"
  run_container "$c" 5432 "$vol:/var/lib/postgresql/data" hangar/postgres:15 \
    "POSTGRES_PASSWORD=$pw" "POSTGRES_USER=$user" "POSTGRES_DB=$db" || return 1
  wait_login "$c" pg "$pw" 'select 1' || return 1
  RESULT[postgres]="$(fmt_s "$WAITED_MS")"
  log "  first login after $(fmt_s "$WAITED_MS") (port $PORT)"
  [ "$(pg "$pw" 'show server_version')" != "" ] && log "  server_version $(pg "$pw" 'show server_version')"
  if pg "wrong$pw" 'select 1' >/dev/null 2>/tmp/hangar-verify-pg.err; then
    echo "[verify] wrong password accepted" >&2; return 1
  fi
  grep -q 'password authentication failed' /tmp/hangar-verify-pg.err || { cat /tmp/hangar-verify-pg.err >&2; return 1; }
  log "  wrong password refused"
  pg "$pw" "create table kept(v text); insert into kept values ('survives')" >/dev/null
  clean_stop "$c" || return 1
  docker start "$c" >/dev/null
  wait_login "$c" pg "$pw" 'select 1' || return 1
  log "  login after stop/start in $(fmt_s "$WAITED_MS")"
  [ "$(pg "$pw" 'select v from kept')" = survives ] || { echo "[verify] data lost after restart" >&2; return 1; }
  log "  data kept after stop/start"
  docker rm -f "$c" >/dev/null
  run_container "$c" 5432 "$vol:/var/lib/postgresql/data" hangar/postgres:15 \
    "POSTGRES_PASSWORD=$pw2" "POSTGRES_USER=$user" "POSTGRES_DB=$db" || return 1
  wait_login "$c" pg "$pw" 'select 1' || return 1
  [ "$(pg "$pw" 'select v from kept')" = survives ] || { echo "[verify] data lost after re-create" >&2; return 1; }
  log "  re-created container on same volume: original password + data kept (login after $(fmt_s "$WAITED_MS"))"
  docker rm -f "$c" >/dev/null; docker volume rm "$vol" >/dev/null
}

# --- mariadb --------------------------------------------------------------------
verify_mariadb() {
  local c="hangar-verify-mariadb-$$" vol="hangar-verify-mariadb-$$" pw rootpw pw2 user=hangar db=appdb
  pw="$(randpw)"; rootpw="$(randpw)"; pw2="$(randpw)"
  docker volume create --label "$LABEL" "$vol" >/dev/null
  my() { "$MYSQL" --connect-timeout=3 -h127.0.0.1 -P"$PORT" -u"$1" -p"$2" "$db" -N -B -e "$3"; }
  log "mariadb: starting hangar/mariadb:10.11"
  run_container "$c" 3306 "$vol:/var/lib/mysql" hangar/mariadb:10.11 \
    "MYSQL_ROOT_PASSWORD=$rootpw" "MYSQL_DATABASE=$db" "MYSQL_USER=$user" "MYSQL_PASSWORD=$pw" || return 1
  wait_login "$c" my "$user" "$pw" 'select 1' || return 1
  RESULT[mariadb]="$(fmt_s "$WAITED_MS")"
  log "  first login after $(fmt_s "$WAITED_MS") (port $PORT), version $(my "$user" "$pw" 'select version()')"
  my root "$rootpw" 'select 1' >/dev/null || { echo "[verify] root login from host failed" >&2; return 1; }
  log "  root login from host ok"
  if my "$user" "wrong$pw" 'select 1' >/dev/null 2>/tmp/hangar-verify-my.err; then
    echo "[verify] wrong password accepted" >&2; return 1
  fi
  grep -q 'Access denied' /tmp/hangar-verify-my.err || { cat /tmp/hangar-verify-my.err >&2; return 1; }
  log "  wrong password refused"
  my "$user" "$pw" "create table kept(v varchar(20)); insert into kept values ('survives')" >/dev/null
  clean_stop "$c" || return 1
  docker start "$c" >/dev/null
  wait_login "$c" my "$user" "$pw" 'select 1' || return 1
  log "  login after stop/start in $(fmt_s "$WAITED_MS")"
  [ "$(my "$user" "$pw" 'select v from kept')" = survives ] || { echo "[verify] data lost after restart" >&2; return 1; }
  log "  data kept after stop/start"
  docker rm -f "$c" >/dev/null
  run_container "$c" 3306 "$vol:/var/lib/mysql" hangar/mariadb:10.11 \
    "MYSQL_ROOT_PASSWORD=$pw2" "MYSQL_DATABASE=$db" "MYSQL_USER=$user" "MYSQL_PASSWORD=$pw2" || return 1
  wait_login "$c" my "$user" "$pw" 'select 1' || return 1
  [ "$(my "$user" "$pw" 'select v from kept')" = survives ] || { echo "[verify] data lost after re-create" >&2; return 1; }
  log "  re-created container on same volume: original password + data kept (login after $(fmt_s "$WAITED_MS"))"
  docker rm -f "$c" >/dev/null; docker volume rm "$vol" >/dev/null
}

# --- redis ----------------------------------------------------------------------
verify_redis() {
  local c="hangar-verify-redis-$$" vol="hangar-verify-redis-$$" pw pw2
  pw="$(randpw)"; pw2="$(randpw)"
  docker volume create --label "$LABEL" "$vol" >/dev/null
  rc() { local p="$1"; shift; redis-cli -h 127.0.0.1 -p "$PORT" -a "$p" --no-auth-warning "$@"; }
  ping_ok() { [ "$(rc "$1" ping 2>/dev/null)" = PONG ]; }
  log "redis: starting hangar/redis:7"
  run_container "$c" 6379 "$vol:/data" hangar/redis:7 "REDIS_PASSWORD=$pw" || return 1
  wait_login "$c" ping_ok "$pw" || return 1
  RESULT[redis]="$(fmt_s "$WAITED_MS")"
  log "  first login after $(fmt_s "$WAITED_MS") (port $PORT), $(rc "$pw" info server | grep -m1 redis_version | tr -d '\r')"
  local out
  out="$(rc "wrong$pw" ping 2>&1 || true)"
  case "$out" in *WRONGPASS*|*NOAUTH*|*invalid*) ;; *) echo "[verify] wrong password not refused: $out" >&2; return 1 ;; esac
  out="$(redis-cli -h 127.0.0.1 -p "$PORT" ping 2>&1 || true)"
  case "$out" in *NOAUTH*) ;; *) echo "[verify] unauthenticated ping not refused: $out" >&2; return 1 ;; esac
  log "  wrong/missing password refused"
  [ "$(rc "$pw" set kept survives)" = OK ] || return 1
  clean_stop "$c" || return 1
  docker start "$c" >/dev/null
  wait_login "$c" ping_ok "$pw" || return 1
  log "  login after stop/start in $(fmt_s "$WAITED_MS")"
  [ "$(rc "$pw" get kept)" = survives ] || { echo "[verify] data lost after restart" >&2; return 1; }
  log "  data kept after stop/start"
  docker rm -f "$c" >/dev/null
  run_container "$c" 6379 "$vol:/data" hangar/redis:7 "REDIS_PASSWORD=$pw2" || return 1
  wait_login "$c" ping_ok "$pw2" || return 1
  [ "$(rc "$pw2" get kept)" = survives ] || { echo "[verify] data lost after re-create" >&2; return 1; }
  log "  re-created container on same volume: data kept; password is the NEW env value (redis keeps no password on disk)"
  docker rm -f "$c" >/dev/null; docker volume rm "$vol" >/dev/null
}

T0=$SECONDS
for name in $SELECTED; do
  if "verify_$name"; then log "$name: OK"; else fail "$name"; fi
done

echo
log "time to first login (docker run -> successful login from the host):"
for name in $SELECTED; do log "  $name: ${RESULT[$name]:-n/a}"; done
if [ $FAILED -ne 0 ]; then log "FAILED after $((SECONDS - T0))s"; exit 1; fi
log "all OK in $((SECONDS - T0))s"
