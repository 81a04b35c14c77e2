#!/usr/bin/env bash
# Builds Hangar and runs it on its embedded defaults: http://localhost:8080
# (events in an H2 file under $HANGAR_DATA_DIR, default ./data; read models in-process).
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -ntp -q -DskipTests package
exec java ${JAVA_OPTS:-} -jar api/target/hangar.jar "$@"
