#!/bin/bash
# shellcheck disable=SC1090  # sources /docker-entrypoint-initdb.d/*.sh
# Entrypoint for hangar/mariadb, compatible with the official mariadb/mysql images:
#   MARIADB_ROOT_PASSWORD | MYSQL_ROOT_PASSWORD  (or *_ALLOW_EMPTY_ROOT_PASSWORD=yes,
#                                                 or *_RANDOM_ROOT_PASSWORD=yes)
#   MARIADB_ROOT_HOST | MYSQL_ROOT_HOST          (default '%')
#   MARIADB_DATABASE  | MYSQL_DATABASE
#   MARIADB_USER      | MYSQL_USER, MARIADB_PASSWORD | MYSQL_PASSWORD
#     (the user gets ALL PRIVILEGES on the database, from host '%')
#   *_FILE variants, /docker-entrypoint-initdb.d/*.sql|*.sql.gz|*.sh
# The data dir (/var/lib/mysql) is initialised only when it is empty.
set -Eeuo pipefail

log() { echo "hangar-mariadb: $*" >&2; }
die() { log "error: $*"; exit 1; }

# file_env VAR : VAR from VAR / VAR_FILE / MYSQL_ alias
file_env() {
  local var="$1" def="${2:-}" val=""
  local mysqlVar="MYSQL_${var#MARIADB_}"
  for v in "$var" "$mysqlVar"; do
    local fv="${v}_FILE"
    if [ -n "${!v:-}" ]; then val="${!v}"; break; fi
    if [ -n "${!fv:-}" ]; then val="$(< "${!fv}")"; break; fi
  done
  [ -n "$val" ] || val="$def"
  export "$var"="$val"
  unset "${var}_FILE" "${mysqlVar}_FILE"
}

if [ "${1:0:1}" = '-' ]; then set -- mariadbd "$@"; fi
case "$1" in mariadbd|mysqld) ;; *) exec "$@" ;; esac

DATADIR=/var/lib/mysql
SOCKET=/run/mysqld/mysqld.sock

if [ "$(id -u)" = '0' ]; then
  mkdir -p "$DATADIR" /run/mysqld
  find "$DATADIR" /run/mysqld \! -user mysql -exec chown mysql:mysql '{}' + 2>/dev/null || true
  exec setpriv --reuid=mysql --regid=mysql --init-groups "${BASH_SOURCE[0]}" "$@"
fi

if [ ! -d "$DATADIR/mysql" ]; then
  file_env MARIADB_ROOT_PASSWORD
  file_env MARIADB_ALLOW_EMPTY_ROOT_PASSWORD
  file_env MARIADB_RANDOM_ROOT_PASSWORD
  file_env MARIADB_ROOT_HOST '%'
  file_env MARIADB_DATABASE
  file_env MARIADB_USER
  file_env MARIADB_PASSWORD

  if [ -z "$MARIADB_ROOT_PASSWORD" ] && [ -z "$MARIADB_ALLOW_EMPTY_ROOT_PASSWORD" ] && [ -z "$MARIADB_RANDOM_ROOT_PASSWORD" ]; then
    die "Database is uninitialized and password option is not specified
       You need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD (MYSQL_* aliases accepted)"
  fi
  if [ -n "$MARIADB_RANDOM_ROOT_PASSWORD" ] && [ -z "$MARIADB_ROOT_PASSWORD" ]; then
    MARIADB_ROOT_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32)"
    log "GENERATED ROOT PASSWORD: $MARIADB_ROOT_PASSWORD"
  fi
  if [ "$MARIADB_USER" = root ]; then die "MARIADB_USER/MYSQL_USER must not be root"; fi
  if [ -n "$MARIADB_USER" ] && [ -z "$MARIADB_PASSWORD" ]; then
    die "MARIADB_USER/MYSQL_USER is set but MARIADB_PASSWORD/MYSQL_PASSWORD is not"
  fi

  log "initialising data directory $DATADIR"
  mariadb-install-db --datadir="$DATADIR" --skip-test-db --auth-root-authentication-method=normal \
    --skip-name-resolve --skip-log-bin >/dev/null

  log "starting temporary server (no networking)"
  "$@" --skip-networking --socket="$SOCKET" --skip-log-bin 2>/dev/null &
  pid=$!
  for _ in $(seq 1 120); do
    if mariadb --protocol=socket --socket="$SOCKET" -uroot -e 'SELECT 1' >/dev/null 2>&1; then break; fi
    kill -0 "$pid" 2>/dev/null || die "temporary server exited during initialisation"
    sleep 0.5
  done
  mariadb --protocol=socket --socket="$SOCKET" -uroot -e 'SELECT 1' >/dev/null 2>&1 || die "temporary server did not start"

  # SQL string literal / identifier escaping
  sq() { printf "%s" "$1" | sed "s/\\\\/\\\\\\\\/g; s/'/\\\\'/g"; }
  bq() { printf "%s" "$1" | sed 's/`/``/g'; }

  rootpw="$(sq "$MARIADB_ROOT_PASSWORD")"
  sql="SET @@SESSION.SQL_LOG_BIN=0;
DROP USER IF EXISTS ''@'localhost', ''@'${HOSTNAME:-localhost}';
DELETE FROM mysql.global_priv WHERE user='root' AND host NOT IN ('localhost');
DELETE FROM mysql.proxies_priv WHERE User='root' AND Host NOT IN ('localhost');
ALTER USER 'root'@'localhost' IDENTIFIED BY '${rootpw}';"
  if [ "$MARIADB_ROOT_HOST" != localhost ]; then
    rh="$(sq "$MARIADB_ROOT_HOST")"
    sql+="
CREATE USER 'root'@'${rh}' IDENTIFIED BY '${rootpw}';
GRANT ALL ON *.* TO 'root'@'${rh}' WITH GRANT OPTION;
GRANT PROXY ON ''@'%' TO 'root'@'${rh}' WITH GRANT OPTION;"
  fi
  if [ -n "$MARIADB_DATABASE" ]; then
    sql+="
CREATE DATABASE IF NOT EXISTS \`$(bq "$MARIADB_DATABASE")\`;"
  fi
  if [ -n "$MARIADB_USER" ]; then
    u="$(sq "$MARIADB_USER")"
    sql+="
CREATE USER '${u}'@'%' IDENTIFIED BY '$(sq "$MARIADB_PASSWORD")';"
    if [ -n "$MARIADB_DATABASE" ]; then
      sql+="
GRANT ALL ON \`$(bq "$MARIADB_DATABASE" | sed 's/_/\\_/g')\`.* TO '${u}'@'%';"
    fi
  fi
  sql+="
FLUSH PRIVILEGES;"
  mariadb --protocol=socket --socket="$SOCKET" -uroot <<<"$sql"

  client=(mariadb --protocol=socket --socket="$SOCKET" -uroot)
  [ -n "$MARIADB_ROOT_PASSWORD" ] && client+=("-p${MARIADB_ROOT_PASSWORD}")
  [ -n "$MARIADB_DATABASE" ] && client+=("$MARIADB_DATABASE")
  for f in /docker-entrypoint-initdb.d/*; do
    [ -e "$f" ] || continue
    case "$f" in
      *.sh)     log "running $f"; . "$f" ;;
      *.sql)    log "running $f"; "${client[@]}" < "$f" ;;
      *.sql.gz) log "running $f"; gunzip -c "$f" | "${client[@]}" ;;
      *)        log "ignoring $f" ;;
    esac
  done

  log "stopping temporary server"
  kill -TERM "$pid"
  wait "$pid" || true
  unset MARIADB_ROOT_PASSWORD MYSQL_ROOT_PASSWORD MARIADB_PASSWORD MYSQL_PASSWORD
  log "init complete; ready for start up"
else
  log "existing data directory found in $DATADIR; skipping initialisation"
fi

exec "$@"
