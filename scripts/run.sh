#!/usr/bin/env bash
# Builds Hangar and runs it on its embedded defaults: http://localhost:8080
# (events in an H2 file under $HANGAR_DATA_DIR, default ./data; read models in-process).
# First makes sure a Docker engine answers (scripts/ensure-docker.sh) and that the engines'
# images exist: the official ones where a registry answers, else the local ones, built once and
# used without naming them (scripts/engine-images.sh; HANGAR_IMAGE_SOURCE=auto|registry|local).
# HANGAR_SKIP_DOCKER=1 skips both (Hangar then reports every engine unavailable, and why).
# JVM settings: JAVA_OPTS replaces HANGAR_DEFAULT_JAVA_OPTS (measured in docs/benchmarks.md).
# Class-data sharing (Spring Boot's CDS support), on by default (HANGAR_CDS=0 turns it off): after
# each build that changed the jar, the jar is extracted and one training start (the context is
# refreshed, nothing is started) writes the archive; every later start loads its classes from it:
# about 40 % less CPU to the first answer (docs/benchmarks.md). An archive that does not fit the
# JVM is ignored by the JVM (a warning, then a start without it).
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
  CDS_DIR=api/target/cds
  if [ ! -f "$CDS_DIR/hangar.jsa" ] || [ "$JAR" -nt "$CDS_DIR/hangar.jsa" ]; then
    echo "[run] extracting the jar and writing the class-data-sharing archive (one training start, once per build; HANGAR_CDS=0 skips it)"
    rm -rf "$CDS_DIR" && mkdir -p "$CDS_DIR"
    java -Djarmode=tools -jar "$JAR" extract --destination "$CDS_DIR/app" >/dev/null
    train=$(mktemp -d)
    # shellcheck disable=SC2086
    HANGAR_DATA_DIR="$train" SERVER_PORT=0 java $OPTS -XX:ArchiveClassesAtExit="$CDS_DIR/hangar.jsa" \
      -Dspring.context.exit=onRefresh -jar "$CDS_DIR/app/hangar.jar" >"$CDS_DIR/training.log" 2>&1 || true
    rm -rf "$train"
  fi
  if [ -f "$CDS_DIR/hangar.jsa" ]; then
    OPTS="$OPTS -XX:SharedArchiveFile=$CDS_DIR/hangar.jsa"
    JAR="$CDS_DIR/app/hangar.jar"
  fi
fi
# shellcheck disable=SC2086
exec java $OPTS -jar "$JAR" "$@"
