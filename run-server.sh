#!/usr/bin/env bash
# Builds Gatehouse (if needed) and starts it on the embedded H2 database under ./data/ (no other service).
# Set GATEHOUSE_DB_URL / GATEHOUSE_DB_USER / GATEHOUSE_DB_PASSWORD to use PostgreSQL instead.
set -euo pipefail
cd "$(dirname "$0")"
jar=app/target/gatehouse.jar
if [ ! -f "$jar" ] || [ -n "$(find app/src scim-core/src saml-core/src pom.xml app/pom.xml -newer "$jar" -print -quit)" ]; then
  mvn -B -ntp -q -DskipTests install
fi
# Memory: the options of ./jvm.options (heap cap, collector, metaspace; docs/operations.md), then JAVA_OPTS (a
# later -Xmx wins). JVM_OPTIONS="" drops the defaults (e.g. to choose another collector in JAVA_OPTS).
JVM_OPTIONS=${JVM_OPTIONS-$(grep -Ev '^[[:space:]]*(#|$)' jvm.options | tr '\n' ' ')}
exec java $JVM_OPTIONS ${JAVA_OPTS:-} -jar "$jar" "$@"
