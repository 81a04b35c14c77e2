#!/usr/bin/env bash
# Builds Hangar and runs it on its embedded defaults: http://localhost:8080
# (events in an H2 file under $HANGAR_DATA_DIR, default ./data; read models in-process).
# First makes sure a Docker engine answers (scripts/ensure-docker.sh) and that the engines'
# images exist: the official ones where a registry answers, else the local ones, built once and
# used without naming them (scripts/engine-images.sh; HANGAR_IMAGE_SOURCE=auto|registry|local).
# HANGAR_SKIP_DOCKER=1 skips both (Hangar then reports every engine unavailable, and why).
# JVM settings: JAVA_OPTS replaces HANGAR_DEFAULT_JAVA_OPTS (measured in docs/benchmarks.md).
# Class-data sharing (Spring Boot's CDS support, scripts/cds.sh), on by default (HANGAR_CDS=0 turns
# it off): about 40 % less CPU to the first answer (docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."

HANGAR_DEFAULT_JAVA_OPTS="-XX:+UseSerialGC -Xms64m -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m -XX:MaxDirectMemorySize=64m"

if [ "${HANGAR_SKIP_DOCKER:-0}" != 1 ]; then
  bash scripts/ensure-docker.sh
  # shellcheck source=engine-images.sh
  source scripts/engine-images.sh
  ensure_engine_images
fi

if [ "${HANGAR_SKIP_BUILD:-0}" != 1 ] || [ ! -f api/target/hangar.jar ]; then
  mvn -B -ntp -q -DskipTests package
fi
OPTS="${JAVA_OPTS:-$HANGAR_DEFAULT_JAVA_OPTS}"
JAR=api/target/hangar.jar
if [ "${HANGAR_CDS:-1}" = 1 ]; then
  # shellcheck source=cds.sh
  source scripts/cds.sh
  cds_prepare "$JAR" "$OPTS"
  JAR="$CDS_JAR"; OPTS="$CDS_OPTS"
fi
# shellcheck disable=SC2086
exec java $OPTS -jar "$JAR" "$@"
