#!/usr/bin/env bash
# Writes the load generator's runtime classpath to bench/target/runtime-classpath.txt when it is missing (e.g. after
# mvn clean) or older than bench/pom.xml. Used by the run-*.sh scripts and ab-entra-sync.sh. MVN_FLAGS: extra Maven flags.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FILE=$ROOT/bench/target/runtime-classpath.txt
if [[ ! -s $FILE || $ROOT/bench/pom.xml -nt $FILE ]]; then
  # with package in the same reactor, saml-core/scim-core resolve to their jars here (never installed to ~/.m2);
  # each module writes the file in turn, bench (last) wins
  (cd "$ROOT" && mvn -q -B ${MVN_FLAGS:-} -DskipTests -pl bench -am package dependency:build-classpath \
      -DincludeScope=runtime -Dmdep.outputFile="$FILE")
fi
