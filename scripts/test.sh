#!/usr/bin/env bash
# Runs every test of every module. Installs and starts what the tests need first: a Docker
# engine and the local engine images (idempotent, seconds when they are already there).
# Ends by checking that the run left no container or volume with Hangar's labels behind.
set -euo pipefail
cd "$(dirname "$0")/.."

# the extra registry image serves the pull tests (a real registry on 127.0.0.1)
HANGAR_EXTRA_IMAGES=registry bash scripts/build-images.sh

# Testcontainers against the local engine, with local images only (no helper image to pull).
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost

labelled() {
  { docker ps -aq --no-trunc --filter label=hangar.instance-id
    docker volume ls -q --filter label=hangar.instance-id; } | sort
}
before=$(labelled)

mvn -B -ntp verify "$@"

left=$(comm -13 <(echo "$before") <(labelled) | sed '/^$/d')
if [ -n "$left" ]; then
  echo "The tests left containers or volumes with Hangar's labels behind:" >&2
  echo "$left" >&2
  exit 1
fi
echo "No container or volume with Hangar's labels left behind."
