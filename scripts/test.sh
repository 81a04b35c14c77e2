#!/usr/bin/env bash
# Runs every test of every module. Installs and starts what the tests need first: a Docker
# engine and the local engine images (idempotent, seconds when they are already there).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build-images.sh

# Testcontainers against the local engine, with local images only (no helper image to pull).
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost

mvn -B -ntp verify "$@"
