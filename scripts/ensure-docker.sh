#!/usr/bin/env bash
# Make sure a working Docker daemon is available on this Debian machine.
# Idempotent: installs docker.io + debootstrap only if missing, starts dockerd
# only if `docker info` fails, then waits (bounded) until the daemon answers.
set -euo pipefail

WAIT_SECS="${HANGAR_DOCKER_WAIT_SECS:-60}"
DOCKERD_LOG="${HANGAR_DOCKERD_LOG:-/var/log/dockerd.log}"

log() { echo "[ensure-docker] $*"; }
die() { echo "[ensure-docker] ERROR: $*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 && SUDO="sudo -n" || true
fi

# Wait for another apt/dpkg run (e.g. a background install) to finish first.
running() { command -v pgrep >/dev/null 2>&1 && pgrep -x "$1" >/dev/null 2>&1; }
wait_for_apt() {
  local i=0
  while running apt-get || running dpkg || running apt; do
    [ $i -eq 0 ] && log "another apt-get/dpkg is running; waiting for it (max 15 min)"
    i=$((i + 1))
    [ $i -gt 450 ] && die "apt-get/dpkg still running after 15 minutes"
    sleep 2
  done
}

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
  wait_for_apt
  # re-check: the concurrent run may have installed them
  missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends "${missing[@]}" >/dev/null
  log "installed: ${missing[*]}"
else
  log "docker.io and debootstrap already installed"
fi

command -v docker >/dev/null 2>&1 || die "no docker client on PATH after install"

if docker info >/dev/null 2>&1; then
  log "docker daemon already running ($(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?'))"
  exit 0
fi

if running dockerd; then
  log "dockerd process exists but does not answer yet; waiting for it"
else
  log "starting dockerd in the background (log: $DOCKERD_LOG)"
  # Plain start works here (overlay2, bridge networking, iptables), even inside
  # a container. Extra flags can be given through HANGAR_DOCKERD_FLAGS.
  # shellcheck disable=SC2086
  nohup $SUDO dockerd ${HANGAR_DOCKERD_FLAGS:-} >"$DOCKERD_LOG" 2>&1 </dev/null &
  DOCKERD_PID=$!
fi

deadline=$((SECONDS + WAIT_SECS))
until docker info >/dev/null 2>&1; do
  if [ -n "${DOCKERD_PID:-}" ] && ! kill -0 "$DOCKERD_PID" 2>/dev/null; then
    echo "[ensure-docker] ERROR: dockerd exited during start-up; last lines of $DOCKERD_LOG:" >&2
    tail -n 20 "$DOCKERD_LOG" >&2 2>/dev/null || true
    exit 1
  fi
  if [ $SECONDS -ge $deadline ]; then
    echo "[ensure-docker] ERROR: docker daemon did not answer within ${WAIT_SECS}s; last lines of $DOCKERD_LOG:" >&2
    tail -n 20 "$DOCKERD_LOG" >&2 2>/dev/null || true
    exit 1
  fi
  sleep 1
done
log "docker daemon is up ($(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?'))"
