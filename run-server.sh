#!/usr/bin/env bash
# Builds Gatehouse (if needed) and starts it on the embedded H2 database under ./data/ (no other service).
# Set GATEHOUSE_DB_URL / GATEHOUSE_DB_USER / GATEHOUSE_DB_PASSWORD to use PostgreSQL instead.
#
# Start-up: once per build the jar is extracted and a class cache is trained with one run against a scratch
# H2 database that sends itself Entra's SCIM requests (startup.TrainingWorkload) and exits (Java 25+: AOT cache
# with method profiles, JEP 483/514/515; Java 17-24: dynamic CDS archive), so later starts load and link those
# classes from the cache: ~4 s instead of ~7 s to healthy on 2 cores, and the first SCIM requests find the
# request path's classes loaded (BENCHMARKS.md). GATEHOUSE_CLASS_CACHE=off
# runs the plain jar; GATEHOUSE_PREPARE_ONLY=1 builds jar and cache and exits; JAVA picks the java binary.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
JAVA=${JAVA:-java}
jar=app/target/gatehouse.jar
# Only what goes into the jar counts: a test source newer than the jar must not start a Maven build on every start.
if [ ! -f "$jar" ] || [ -n "$(find app/src/main scim-core/src/main saml-core/src/main pom.xml app/pom.xml \
      scim-core/pom.xml saml-core/pom.xml -newer "$jar" -print -quit)" ]; then
  mvn -B -ntp -q -DskipTests install
fi
# Memory: the options of ./jvm.options (heap cap, collector, metaspace; docs/operations.md), then JAVA_OPTS (a
# later -Xmx wins). JVM_OPTIONS="" drops the defaults (e.g. to choose another collector in JAVA_OPTS).
JVM_OPTIONS=${JVM_OPTIONS-$(grep -Ev '^[[:space:]]*(#|$)' jvm.options | tr '\n' ' ')}

run=("$jar")
cache_flags=()
if [ "${GATEHOUSE_CLASS_CACHE:-on}" != off ]; then
  major=$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  dir=$root/app/target/run-java${major}
  if (( major >= 25 )); then
    cache=$dir/gatehouse.aot; train=(-XX:AOTCacheOutput="$cache"); cache_flags=(-XX:AOTCache="$cache")
  else
    cache=$dir/gatehouse.jsa; train=(-XX:ArchiveClassesAtExit="$cache"); cache_flags=(-XX:SharedArchiveFile="$cache")
  fi
  if [ ! -f "$cache" ] || [ "$jar" -nt "$cache" ]; then
    echo "run-server: preparing the class cache for $("$JAVA" -version 2>&1 | head -n 1) (once per build)" >&2
    rm -rf "$dir" && mkdir -p "$dir"
    scratch=$(mktemp -d)
    if ! { "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >"$dir/prepare.log" 2>&1 \
        && (cd "$scratch" && GATEHOUSE_DB_URL="jdbc:h2:file:$scratch/train;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
            GATEHOUSE_DB_USER=sa GATEHOUSE_DB_PASSWORD= GATEHOUSE_OPERATOR_TOKEN="training-$RANDOM$RANDOM$RANDOM" \
            "$JAVA" $JVM_OPTIONS "${train[@]}" -Dgatehouse.training.workload=true \
            -jar "$dir/app/gatehouse.jar" --server.port=0 --server.address=127.0.0.1) \
            >>"$dir/prepare.log" 2>&1 && [ -f "$cache" ]; }; then
      rm -f "$cache"
      echo "run-server: class cache not prepared (see $dir/prepare.log); starting without it" >&2
    fi
    rm -rf "$scratch"
  fi
  if [ -f "$cache" ]; then
    run=("$dir/app/gatehouse.jar")
  else
    cache_flags=()
  fi
fi
[ "${GATEHOUSE_PREPARE_ONLY:-0}" = 1 ] && exit 0
# Key-encryption key: the embedded H2 database makes its own (data/gatehouse.kek). For another database this
# single-machine launcher keeps one in the same file when none is configured; a deployment of several nodes sets
# GATEHOUSE_KEK or GATEHOUSE_KEK_FILE on every node instead (docs/operations.md), and the jar alone refuses to start.
if [[ ${GATEHOUSE_DB_URL:-jdbc:h2:} != jdbc:h2:* && -z ${GATEHOUSE_KEK:-} && -z ${GATEHOUSE_KEK_FILE:-} ]]; then
  kek_file=$root/data/gatehouse.kek
  if [ ! -f "$kek_file" ]; then
    mkdir -p "$root/data" && (umask 077 && echo "local:$(head -c 32 /dev/urandom | base64)" >"$kek_file")
    echo "run-server: no GATEHOUSE_KEK configured; generated a key-encryption key into $kek_file" >&2
  fi
  export GATEHOUSE_KEK_FILE=$kek_file
fi
exec "$JAVA" $JVM_OPTIONS "${cache_flags[@]}" ${JAVA_OPTS:-} -jar "${run[@]}" "$@"
