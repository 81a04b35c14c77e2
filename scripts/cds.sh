#!/usr/bin/env bash
# Spring Boot's CDS support for scripts/run.sh and bench/startup.sh (source it, then call
# cds_prepare JAR "JVM options"): after each build that changed the jar, the jar is extracted and
# one training start (the context is refreshed, nothing is started) writes the class-data-sharing
# archive; every later start loads its classes from it. Sets CDS_JAR and CDS_OPTS to the jar and
# JVM options to start with (the plain ones when no archive could be written). An archive that does
# not fit the JVM is ignored by the JVM (a warning, then a start without it).
cds_prepare() {
  local jar="$1" opts="$2" dir train
  dir="$(dirname "$jar")/cds"
  CDS_JAR="$jar"; CDS_OPTS="$opts"
  if [ ! -f "$dir/hangar.jsa" ] || [ "$jar" -nt "$dir/hangar.jsa" ]; then
    echo "[cds] extracting the jar and writing the class-data-sharing archive (one training start, once per build; HANGAR_CDS=0 skips it)"
    rm -rf "$dir" && mkdir -p "$dir"
    java -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >/dev/null
    train=$(mktemp -d)
    # shellcheck disable=SC2086
    HANGAR_DATA_DIR="$train" SERVER_PORT=0 java $opts -XX:ArchiveClassesAtExit="$dir/hangar.jsa" \
      -Dspring.context.exit=onRefresh -jar "$dir/app/hangar.jar" >"$dir/training.log" 2>&1 || true
    rm -rf "$train"
  fi
  if [ -f "$dir/hangar.jsa" ]; then
    CDS_OPTS="$opts -XX:SharedArchiveFile=$dir/hangar.jsa"
    CDS_JAR="$dir/app/hangar.jar"
  fi
}
