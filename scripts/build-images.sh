#!/usr/bin/env bash
# Build Hangar's database images locally, without any image registry:
#   hangar/debian:bookworm   (debootstrap minbase + docker import)
#   hangar/postgres:15  (+ :latest)
#   hangar/mariadb:10.11 (+ :latest)
#   hangar/redis:7      (+ :latest)
#   hangar/workspace:bookworm (+ :latest; the compute instances' image: Jupyter, SSH, web terminal)
#   hangar/nginx:1      (+ :latest; the HTTP server of the service templates)
#   hangar/registry:2   (extra: only with HANGAR_EXTRA_IMAGES=registry or HANGAR_IMAGES=registry)
#   hangar/jre:17       (extra: HANGAR_EXTRA_IMAGES=jre; the base of Hangar's own image without a registry)
# The Debian mirror is read from this machine's apt configuration (/etc/apt/sources.list,
# sources.list.d/*.list and *.sources); HANGAR_DEBIAN_MIRROR / HANGAR_DEBIAN_SECURITY_MIRROR
# override it.
# Idempotent: an image that already exists is skipped unless --rebuild is given.
# HANGAR_IMAGES="postgres redis" builds only a subset. The base image is always
# ensured (the others are built FROM it); with --rebuild it is rebuilt only when
# HANGAR_IMAGES is unset or names "debian".
# Usage: bash scripts/build-images.sh [--rebuild]
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMAGES_DIR="$REPO_ROOT/docker/images"
SUITE=bookworm
BASE_IMAGE="hangar/debian:$SUITE"
ALL_IMAGES="postgres mariadb redis nginx workspace"
# Extra images, built only when named in HANGAR_IMAGES or HANGAR_EXTRA_IMAGES:
#   registry  hangar/registry:2  (Debian's docker-registry; the pull tests run it)
#   jre       hangar/jre:17      (Debian's openjdk-17-jre-headless; BASE of docker/hangar/Dockerfile)
EXTRA_IMAGES="registry jre"
REBUILD=0

for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=1 ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "[build-images] unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log() { echo "[build-images] $*"; }
die() { echo "[build-images] ERROR: $*" >&2; exit 1; }

# The Debian mirrors come from this machine's own apt configuration (no host is named in the
# repository): one-line entries in /etc/apt/sources.list and sources.list.d/*.list, and deb822
# stanzas in sources.list.d/*.sources. HANGAR_DEBIAN_MIRROR / HANGAR_DEBIAN_SECURITY_MIRROR
# override them; HANGAR_APT_DIR (default /etc/apt) points at another configuration.
# Prints the first URI of an enabled "deb" entry whose suites include $1.
apt_uri_for_suite() {
  local want="$1" dir="${HANGAR_APT_DIR:-/etc/apt}" f
  {
    for f in "$dir/sources.list" "$dir"/sources.list.d/*.list; do
      [ -f "$f" ] || continue
      # deb [opts] URI SUITE COMPONENTS...
      sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" | awk -v s="$want" '$1=="deb" && $3==s {print $2; exit}'
    done
    for f in "$dir"/sources.list.d/*.sources; do
      [ -f "$f" ] || continue
      awk -v s="$want" '
        function flush() { if (types ~ /(^| )deb( |$)/ && enabled != "no" && (" " suites " ") ~ (" " s " ") && uris != "") { split(uris, u, " "); print u[1]; found=1 } types=""; uris=""; suites=""; enabled="" }
        /^[ \t]*#/ { next }
        /^[ \t]*$/ { flush(); if (found) exit; next }
        { key=tolower($1); sub(/:$/, "", key); $1=""; sub(/^ +/, ""); val=$0
          if (key=="types") types=val; else if (key=="uris") uris=val; else if (key=="suites") suites=val; else if (key=="enabled") enabled=tolower(val) }
        END { if (!found) flush() }' "$f"
    done
  } | head -n 1
}
resolve_mirrors() {
  MIRROR="${HANGAR_DEBIAN_MIRROR:-$(apt_uri_for_suite "$SUITE")}"
  MIRROR="${MIRROR%/}"
  [ -n "$MIRROR" ] || die "no Debian mirror for '$SUITE' in ${HANGAR_APT_DIR:-/etc/apt}/sources.list{,.d/*.list,.d/*.sources}; set HANGAR_DEBIAN_MIRROR=<url of a Debian archive>"
  SECURITY_MIRROR="${HANGAR_DEBIAN_SECURITY_MIRROR:-$(apt_uri_for_suite "$SUITE-security")}"
  SECURITY_MIRROR="${SECURITY_MIRROR%/}"
  if [ -z "$SECURITY_MIRROR" ]; then
    log "no '$SUITE-security' entry in the apt configuration; the base image gets no security suite (set HANGAR_DEBIAN_SECURITY_MIRROR)"
  fi
}

declare -A TAGS=(
  [postgres]="hangar/postgres:15 hangar/postgres:latest"
  [mariadb]="hangar/mariadb:10.11 hangar/mariadb:latest"
  [redis]="hangar/redis:7 hangar/redis:latest"
  [nginx]="hangar/nginx:1 hangar/nginx:latest"
  [registry]="hangar/registry:2"
  [jre]="hangar/jre:17"
  [workspace]="hangar/workspace:bookworm hangar/workspace:latest"
)
REBUILD_BASE=$REBUILD
selected=""
for name in ${HANGAR_IMAGES:-$ALL_IMAGES} ${HANGAR_EXTRA_IMAGES:-}; do
  if [ "$name" = debian ]; then continue; fi
  [ -n "${TAGS[$name]:-}" ] || die "unknown image '$name' in HANGAR_IMAGES (known: debian $ALL_IMAGES $EXTRA_IMAGES)"
  [[ " $selected " == *" $name "* ]] || selected+="$name "
done
if [ -n "${HANGAR_IMAGES:-}" ] && ! [[ " $HANGAR_IMAGES " == *" debian "* ]]; then REBUILD_BASE=0; fi

bash "$REPO_ROOT/scripts/ensure-docker.sh"

# docker.io 20.10 + a CLI without buildx: use the classic builder, quietly.
export DOCKER_BUILDKIT=0

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

build_base() {
  if [ $REBUILD_BASE -eq 0 ] && image_exists "$BASE_IMAGE"; then
    log "$BASE_IMAGE exists; skipping (use --rebuild to force)"
    return
  fi
  command -v debootstrap >/dev/null 2>&1 || die "debootstrap not installed"
  resolve_mirrors
  local t0=$SECONDS
  local root
  root="$(mktemp -d /var/tmp/hangar-debootstrap.XXXXXX)"
  # shellcheck disable=SC2064
  trap "rm -rf '$root'" EXIT
  log "debootstrap --variant=minbase $SUITE from $MIRROR (takes a few minutes)"
  if ! debootstrap --variant=minbase "$SUITE" "$root" "$MIRROR" >"$root.log" 2>&1; then
    tail -n 30 "$root.log" >&2
    die "debootstrap failed (full log: $root.log)"
  fi
  rm -f "$root.log"

  log "configuring apt in the rootfs"
  {
    echo "deb $MIRROR $SUITE main"
    echo "deb $MIRROR $SUITE-updates main"
    [ -z "$SECURITY_MIRROR" ] || echo "deb $SECURITY_MIRROR $SUITE-security main"
  } >"$root/etc/apt/sources.list"
  # container-friendly apt/dpkg settings (like the official debian images)
  cat >"$root/etc/apt/apt.conf.d/90hangar" <<'EOS'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Acquire::Languages "none";
Acquire::GzipIndexes "true";
Acquire::CompressionTypes::Order:: "gz";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOS
  # keep later package installs small: no docs, man pages or translations
  cat >"$root/etc/dpkg/dpkg.cfg.d/90hangar-excludes" <<'EOS'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOS
  # never start services from maintainer scripts during image builds
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/archives/*.deb \
         "$root"/var/cache/apt/*.bin "$root"/var/log/*.log "$root"/var/log/apt/* \
         "$root"/usr/share/man/* "$root"/usr/share/info/*
  find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
  find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 -type d -exec rm -rf '{}' + 2>/dev/null || true
  : >"$root/etc/hostname"
  rm -f "$root/etc/resolv.conf"

  log "importing rootfs as $BASE_IMAGE"
  local old_base
  old_base="$(docker image inspect -f '{{.Id}}' "$BASE_IMAGE" 2>/dev/null || true)"
  tar --numeric-owner --xattrs -C "$root" \
      --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' --exclude='./run/*' \
      -c . | docker import \
        --change 'ENV LANG=C.UTF-8' \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["bash"]' \
        - "$BASE_IMAGE" >/dev/null
  rm -rf "$root"
  trap - EXIT
  # the replaced base can only go once no image is built on it any more;
  # try now (works when the other images are rebuilt later in this run too)
  OLD_BASE="$old_base"
  log "$BASE_IMAGE built in $((SECONDS - t0))s"
}

build_one() {
  local name="$1"
  local tags="${TAGS[$name]:-}"
  [ -n "$tags" ] || die "unknown image '$name' (known: $ALL_IMAGES $EXTRA_IMAGES)"
  local primary="${tags%% *}"
  local t hash
  # hash of the build context: an edited Dockerfile/entrypoint triggers a rebuild
  hash="$(cd "$IMAGES_DIR/$name" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)"
  if [ $REBUILD -eq 0 ] && image_exists "$primary" \
     && [ "$(docker image inspect -f '{{index .Config.Labels "hangar.context-hash"}}' "$primary" 2>/dev/null)" = "$hash" ]; then
    # make sure the secondary tags exist too
    for t in $tags; do image_exists "$t" || docker tag "$primary" "$t"; done
    log "$primary is up to date; skipping (use --rebuild to force)"
    return
  fi
  local t0=$SECONDS args=(--label "hangar.context-hash=$hash")
  for t in $tags; do args+=(-t "$t"); done
  # --rebuild: really rebuild (fresh apt-get, picks up Debian security updates)
  [ $REBUILD -eq 1 ] && args+=(--no-cache)
  log "building $primary from docker/images/$name"
  local out old_id
  old_id="$(docker image inspect -f '{{.Id}}' "$primary" 2>/dev/null || true)"
  out="$(mktemp)"
  if ! docker build --pull=false "${args[@]}" "$IMAGES_DIR/$name" >"$out" 2>&1; then
    tail -n 40 "$out" >&2
    rm -f "$out"
    die "docker build of $primary failed"
  fi
  rm -f "$out"
  # drop the image this one replaced (only if nothing else uses it)
  if [ -n "$old_id" ] && [ "$old_id" != "$(docker image inspect -f '{{.Id}}' "$primary")" ]; then
    docker rmi "$old_id" >/dev/null 2>&1 || true
  fi
  log "built $tags in $((SECONDS - t0))s ($(docker image inspect -f '{{.Size}}' "$primary" | awk '{printf "%.0f MB", $1/1e6}'))"
}

T0=$SECONDS
build_base
for name in $selected; do build_one "$name"; done
if [ -n "${OLD_BASE:-}" ]; then docker rmi "$OLD_BASE" >/dev/null 2>&1 || true; fi
all_tags="$BASE_IMAGE"
for name in $selected; do all_tags+=" ${TAGS[$name]}"; done
log "done in $((SECONDS - T0))s: $all_tags"
