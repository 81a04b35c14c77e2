#!/usr/bin/env bash
# Runs the README's "Try it" against a started Hangar and checks it to the end: register, log in,
# read the profile, create a PostgreSQL database, wait for RUNNING, and log in to the database with
# the answered credentials. Exits non-zero at the first step that does not hold.
#   HANGAR_URL (default http://localhost:8080), TRY_ENGINE (default PostgreSQL; Redis and MySQL work
#   too), TRY_WAIT_SECS (default 180).
# Uses curl and python3 (JSON); the database login runs the engine's client inside its local image
# (or psql / redis-cli / mysql on the host when present).
set -euo pipefail
URL="${HANGAR_URL:-http://localhost:8080}"
ENGINE="${TRY_ENGINE:-PostgreSQL}"
WAIT="${TRY_WAIT_SECS:-180}"
step() { echo "[try-it] $*"; }
die() { echo "[try-it] FAILED: $*" >&2; exit 1; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d'+sys.argv[1]))" "$1"; }

curl -fsS "$URL/health" >/dev/null || die "GET /health"
step "health: ok"
user="try_$(date +%s)_$$"
curl -fsS -XPOST "$URL/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$user\",\"email\":\"$user@example.com\",\"password\":\"securepassword123\"}" >/dev/null \
  || die "register"
step "registered $user"
TOKEN=$(curl -fsS -XPOST "$URL/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$user\",\"password\":\"securepassword123\"}" | json "['token']") || die "login"
step "logged in"
curl -fsS "$URL/api/v1/users/me" -H "Authorization: Bearer $TOKEN" >/dev/null || die "GET /api/v1/users/me"
step "users/me: ok"
engines=$(curl -fsS "$URL/api/engines" -H "Authorization: Bearer $TOKEN") || die "GET /api/engines"
echo "$engines" | python3 -c "
import json,sys
for e in json.load(sys.stdin): print('[try-it]   engine %-11s available=%-5s %s' % (e['name'], e['available'], e.get('reason') or ''))"
created=$(curl -sS -XPOST "$URL/api/databases" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"engine\":\"$ENGINE\"}")
id=$(echo "$created" | json "['id']" 2>/dev/null) || die "POST /api/databases: $created"
conn=$(echo "$created" | json "['connectionString']")
host=$(echo "$created" | json "['host']"); port=$(echo "$created" | json "['port']")
username=$(echo "$created" | json "['username']"); password=$(echo "$created" | json "['password']")
dbname=$(echo "$created" | json "['databaseName']")
step "created $ENGINE database $id on $host:$port"
deadline=$((SECONDS + WAIT)); status=""
while [ $SECONDS -lt $deadline ]; do
  status=$(curl -fsS "$URL/api/databases/$id" -H "Authorization: Bearer $TOKEN" | json "['status']")
  [ "$status" = RUNNING ] && break
  [ "$status" = FAILED ] && die "database FAILED: $(curl -fsS "$URL/api/databases/$id" -H "Authorization: Bearer $TOKEN")"
  sleep 2
done
[ "$status" = RUNNING ] || die "database not RUNNING after ${WAIT}s (last: $status)"
step "RUNNING after $((SECONDS - deadline + WAIT))s"
[ "$host" = localhost ] && host=127.0.0.1
case "$ENGINE" in
  # the answered connection string as it is: its user and password are percent-encoded
  PostgreSQL) client=(psql "$conn" -tAc 'select 42'); image=hangar/postgres:15 ;;
  Redis) client=(redis-cli -h "$host" -p "$port" --user "$username" --pass "$password" --no-auth-warning PING); image=hangar/redis:7 ;;
  MySQL) client=(mysql -h "$host" -P "$port" -u "$username" "-p$password" -N -e 'select 42' "$dbname"); image=hangar/mariadb:10.11 ;;
  *) die "no client check for $ENGINE" ;;
esac
if command -v "${client[0]}" >/dev/null 2>&1; then
  out=$("${client[@]}" 2>&1) || die "login to the database: $out"
else
  out=$(docker run --rm --network host --entrypoint "${client[0]}" "$image" "${client[@]:1}" 2>&1) \
    || die "login to the database: $out"
fi
case "$out" in *42*|*PONG*) ;; *) die "unexpected answer from the database: $out" ;; esac
step "logged in to the database with the answered credentials ($conn): ok"
curl -fsS -XDELETE "$URL/api/databases/$id" -H "Authorization: Bearer $TOKEN" >/dev/null || true
step "the README's Try it works to the end"
