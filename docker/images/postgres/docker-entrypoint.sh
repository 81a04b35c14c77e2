#!/bin/bash
# shellcheck disable=SC1090  # sources /docker-entrypoint-initdb.d/*.sh
# Entrypoint for hangar/postgres, compatible with the official postgres image:
#   POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust)
#   POSTGRES_USER (default postgres), POSTGRES_DB (default $POSTGRES_USER)
#   POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD (default scram-sha-256)
#   PGDATA (default /var/lib/postgresql/data)
#   *_FILE variants of the above, /docker-entrypoint-initdb.d/*.sql|*.sh
# The cluster is initialised only when PGDATA is empty.
set -Eeuo pipefail

log() { echo "hangar-postgres: $*" >&2; }

# file_env VAR [default]: allow VAR_FILE to hold the value of VAR
file_env() {
  local var="$1" fileVar="${1}_FILE" def="${2:-}"
  if [ -n "${!var:-}" ] && [ -n "${!fileVar:-}" ]; then
    log "error: both $var and $fileVar are set (but are exclusive)"; exit 1
  fi
  local val="$def"
  if [ -n "${!var:-}" ]; then val="${!var}"
  elif [ -n "${!fileVar:-}" ]; then val="$(< "${!fileVar}")"; fi
  export "$var"="$val"
  unset "$fileVar"
}

# "docker run IMAGE -c foo=bar" => postgres -c foo=bar
if [ "${1:0:1}" = '-' ]; then set -- postgres "$@"; fi

if [ "$1" != 'postgres' ]; then exec "$@"; fi

export PGDATA="${PGDATA:-/var/lib/postgresql/data}"

if [ "$(id -u)" = '0' ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA" || true
  chmod 2777 /var/run/postgresql
  find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' + 2>/dev/null || true
  chown postgres:postgres /var/run/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

file_env POSTGRES_PASSWORD
file_env POSTGRES_USER postgres
file_env POSTGRES_DB "$POSTGRES_USER"
file_env POSTGRES_INITDB_ARGS
AUTH="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "$POSTGRES_PASSWORD" ] && [ "$AUTH" != 'trust' ]; then
    cat >&2 <<'EOM'
hangar-postgres: Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".
       (or set POSTGRES_HOST_AUTH_METHOD=trust to allow all connections without a password)
EOM
    exit 1
  fi
  if [ -n "$(ls -A "$PGDATA" 2>/dev/null)" ]; then
    log "error: $PGDATA is not empty but contains no PG_VERSION; refusing to initdb"
    exit 1
  fi
  log "initialising database cluster in $PGDATA (user=$POSTGRES_USER db=$POSTGRES_DB auth=$AUTH)"
  pwfile="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  # shellcheck disable=SC2086
  initdb --username="$POSTGRES_USER" --pwfile="$pwfile" \
         --auth-local=trust --auth-host="$AUTH" \
         --encoding=UTF8 --locale=C.UTF-8 $POSTGRES_INITDB_ARGS >/dev/null
  rm -f "$pwfile"
  {
    echo
    echo "# hangar: allow password logins from any address"
    echo "host all all all $AUTH"
  } >> "$PGDATA/pg_hba.conf"
  {
    echo
    echo "listen_addresses = '*'"
    echo "unix_socket_directories = '/var/run/postgresql'"
  } >> "$PGDATA/postgresql.conf"

  # temporary server on the unix socket only, for database creation + init scripts
  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w -t 60 start >/dev/null
  psql_=(psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --no-password --host /var/run/postgresql)
  if [ "$POSTGRES_DB" != 'postgres' ]; then
    exists="$("${psql_[@]}" --dbname postgres -tA --set db="$POSTGRES_DB" \
               -c "SELECT 1 FROM pg_database WHERE datname = :'db'" 2>/dev/null || true)"
    if [ "$exists" != '1' ]; then
      "${psql_[@]}" --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";' >/dev/null
    fi
  fi
  for f in /docker-entrypoint-initdb.d/*; do
    [ -e "$f" ] || continue
    case "$f" in
      *.sh)     log "running $f"; . "$f" ;;
      *.sql)    log "running $f"; "${psql_[@]}" --dbname "$POSTGRES_DB" -f "$f" >/dev/null ;;
      *.sql.gz) log "running $f"; gunzip -c "$f" | "${psql_[@]}" --dbname "$POSTGRES_DB" >/dev/null ;;
      *)        log "ignoring $f" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  unset POSTGRES_PASSWORD
  log "init complete; ready for start up"
else
  log "existing database cluster found in $PGDATA; skipping initialisation"
fi

exec "$@"
