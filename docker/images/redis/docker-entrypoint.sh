#!/bin/bash
# Entrypoint for hangar/redis:
#   REDIS_PASSWORD (or REDIS_PASSWORD_FILE): if set => requirepass
#   REDIS_PROTECTED_MODE: default "no", as in the official image (always off
#     when a password is set)
#   REDIS_APPENDONLY: default "yes"; data in /data
# Extra arguments are passed on to redis-server ("docker run IMAGE --maxmemory 64mb").
set -Eeuo pipefail

if [ "${1:0:1}" = '-' ]; then set -- redis-server "$@"; fi
if [ "$1" != 'redis-server' ]; then exec "$@"; fi
shift

if [ -z "${REDIS_PASSWORD:-}" ] && [ -n "${REDIS_PASSWORD_FILE:-}" ]; then
  REDIS_PASSWORD="$(< "$REDIS_PASSWORD_FILE")"
fi

write_conf() {
  local protected="${REDIS_PROTECTED_MODE:-no}"
  [ -n "${REDIS_PASSWORD:-}" ] && protected=no
  umask 077
  {
    echo "bind 0.0.0.0"
    echo "port 6379"
    echo "protected-mode $protected"
    echo "dir /data"
    echo "appendonly ${REDIS_APPENDONLY:-yes}"
    echo "daemonize no"
    echo 'logfile ""'
    if [ -n "${REDIS_PASSWORD:-}" ]; then
      local pw="${REDIS_PASSWORD//\\/\\\\}"; pw="${pw//\"/\\\"}"
      echo "requirepass \"$pw\""
    fi
  } > "$1"
}

# The password goes into a config file (not argv) so that it does not show in `ps`.
if [ "$(id -u)" = '0' ]; then
  mkdir -p /data /run/redis
  find /data /run/redis \! -user redis -exec chown redis:redis '{}' + 2>/dev/null || true
  conf=/run/redis/redis.conf
  write_conf "$conf"
  chown redis:redis "$conf"
  unset REDIS_PASSWORD REDIS_PASSWORD_FILE
  exec setpriv --reuid=redis --regid=redis --init-groups redis-server "$conf" "$@"
fi

# started with --user: write the config wherever we can
conf=/run/redis/redis.conf
[ -w /run/redis ] || conf="$(mktemp)"
write_conf "$conf"
unset REDIS_PASSWORD REDIS_PASSWORD_FILE
exec redis-server "$conf" "$@"
