#!/usr/bin/env bash
# Sourced by scripts/run.sh: makes sure the images of the engines Hangar can run locally exist,
# and points the catalog at local images where the official ones cannot be had.
#   HANGAR_IMAGE_SOURCE=auto (default) | registry | local
#     auto:     an official image already on the host is used; otherwise one `docker pull` of it
#               (bounded by HANGAR_REGISTRY_PROBE_SECS, default 30) tells whether a registry answers;
#               if none does, the local images are built (scripts/build-images.sh, idempotent) and
#               HANGAR_ENGINES_<ENGINE>_IMAGE is exported for them.
#     registry: the official images; Hangar pulls a missing one on the first create.
#     local:    the local images, without asking any registry.
# A HANGAR_ENGINES_<ENGINE>_IMAGE already set is never changed. Without a registry (local, or auto
# when the probe fails) the pull policy becomes never (HANGAR_PROVISIONING_PULLPOLICY, unless set).
# Engines without a local image (MongoDB, Cassandra, SQL Server) keep the official image;
# GET /api/engines says why they cannot run when it cannot be pulled.

_ei_log() { echo "[engine-images] $*"; }

# engine variable suffix, official image (application.yml's default), local image
_EI_ENGINES=(
  "POSTGRESQL postgres:14 hangar/postgres:15"
  "MYSQL mysql:8.0 hangar/mariadb:10.11"
  "REDIS redis:7.0 hangar/redis:7"
)

_ei_registry_answers() {
  # one probe per run: the first missing official image is pulled (it is needed anyway)
  if [ -z "${_EI_PROBED:-}" ]; then
    _EI_PROBED=1
    _ei_log "official image $1 is not on the host; trying to pull it (max ${HANGAR_REGISTRY_PROBE_SECS:-30}s)"
    if timeout "${HANGAR_REGISTRY_PROBE_SECS:-30}" docker pull -q "$1" >/dev/null 2>&1; then
      _EI_REGISTRY=yes
    else
      _EI_REGISTRY=no
      _ei_log "no registry answered; using the local images (scripts/build-images.sh)"
    fi
  fi
  [ "${_EI_REGISTRY:-}" = yes ]
}

ensure_engine_images() {
  local source="${HANGAR_IMAGE_SOURCE:-auto}" line var official local_image current need_local=()
  case "$source" in auto|registry|local) ;; *) _ei_log "HANGAR_IMAGE_SOURCE must be auto, registry or local"; return 2 ;; esac
  for line in "${_EI_ENGINES[@]}"; do
    read -r var official local_image <<<"$line"
    var="HANGAR_ENGINES_${var}_IMAGE"
    current="${!var:-}"
    if [ -n "$current" ]; then
      _ei_log "$var=$current (given)"
      continue
    fi
    case "$source" in
      registry) continue ;;
      auto)
        if docker image inspect "$official" >/dev/null 2>&1; then continue; fi
        if _ei_registry_answers "$official"; then continue; fi ;;
    esac
    need_local+=("$var=$local_image")
  done
  # without a registry, a pull can only fail: say so in GET /api/engines instead of trying
  if { [ "$source" = local ] || [ "${_EI_REGISTRY:-}" = no ]; } && [ -z "${HANGAR_PROVISIONING_PULLPOLICY:-}" ]; then
    export HANGAR_PROVISIONING_PULLPOLICY=never
    _ei_log "HANGAR_PROVISIONING_PULLPOLICY=never (no registry to pull from)"
  fi
  # the compute instances' templates run the local workspace image (there is no official one)
  if [ -z "${HANGAR_WORKSPACE_IMAGE:-}" ] && ! docker image inspect hangar/workspace:bookworm >/dev/null 2>&1; then
    _ei_log "building hangar/workspace:bookworm for the compute instances' templates (a few minutes, once)"
    HANGAR_IMAGES="workspace" HANGAR_EXTRA_IMAGES="" bash "$(dirname "${BASH_SOURCE[0]}")/build-images.sh"
  fi
  [ ${#need_local[@]} -gt 0 ] || return 0
  local names="" pair
  for pair in "${need_local[@]}"; do
    case "${pair#*=}" in
      hangar/postgres:*) names+="postgres " ;;
      hangar/mariadb:*) names+="mariadb " ;;
      hangar/redis:*) names+="redis " ;;
    esac
  done
  HANGAR_IMAGES="$names" HANGAR_EXTRA_IMAGES="" bash "$(dirname "${BASH_SOURCE[0]}")/build-images.sh"
  for pair in "${need_local[@]}"; do
    export "${pair?}"
    _ei_log "${pair} (local image)"
  done
}
