#!/usr/bin/env bash
# The soak test (issue #6; bench/README.md, "Soak"): a freshly built server on a fresh database, then a steady,
# open-loop mix of SCIM sync, SAML sign-ins and console reads for N minutes; per-minute errors, p50/p99 per type
# and the server's RSS every 5 s go to a markdown report.
#
#   bench/run-soak.sh [h2|postgres] [minutes]      # defaults: postgres 10
#
# Environment: RATE (requests/s, default 40), PORT (18090), SEED (6), SERVER_JAVA (java), SERVER_JAVA_OPTS (./jvm.options),
# MVN_FLAGS (e.g. -o), SKIP_BUILD=1 (use what is built), PGHOST_PORT (5432).
# Output: bench/target/soak-<db>-<minutes>m.md (report), bench/target/soak-<db>-server.log. Exit 1 on any error.
set -euo pipefail
DB_KIND=${1:-postgres}
MINUTES=${2:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-18090}
RATE=${RATE:-40}
# The production JVM options (./jvm.options) unless SERVER_JAVA_OPTS says otherwise, as ./run-server.sh does.
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS-$(grep -Ev '^[[:space:]]*(#|$)' "$ROOT/jvm.options" | tr '\n' ' ')}
PGHOST_PORT=${PGHOST_PORT:-5432}
BASE_URL=http://127.0.0.1:$PORT
JAR=$ROOT/app/target/gatehouse.jar
CP_FILE=$ROOT/bench/target/runtime-classpath.txt
REPORT=$ROOT/bench/target/soak-$DB_KIND-${MINUTES}m.md
SERVER_LOG=$ROOT/bench/target/soak-$DB_KIND-server.log
PG_DB=gatehouse_soak
say() { echo "[soak] $*" >&2; }
die() { say "$*"; exit 2; }
[[ $DB_KIND == h2 || $DB_KIND == postgres ]] || die "database must be h2 or postgres, not '$DB_KIND'"
[[ $MINUTES =~ ^[0-9]+([.][0-9]+)?$ && $RATE =~ ^[0-9]+$ && $PORT =~ ^[0-9]+$ ]] || die "minutes, RATE and PORT must be numbers"

# --- build: the server jar, the driver and its runtime classpath (saml-core's test IdP included) ------------
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  say "building (mvn -q -B ${MVN_FLAGS:-} -DskipTests package -pl app,bench -am)"
  (cd "$ROOT" && mvn -q -B ${MVN_FLAGS:-} -DskipTests package -pl app,bench -am)
fi
MVN_FLAGS=${MVN_FLAGS:-} "$ROOT/bench/classpath.sh"
[[ -f $JAR && -s $CP_FILE ]] || die "nothing built: run without SKIP_BUILD=1"
source "$ROOT/bench/lib.sh"
bench_refuse_busy_port

# --- fresh database and server (H2: the product's default URL, ./data/gatehouse in the scratch directory) --------
WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-soak.XXXXXX")
cleanup() {
  bench_stop_server
  bench_drop_database
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
bench_fresh_database
OPERATOR_TOKEN=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
export GATEHOUSE_OPERATOR_TOKEN=$OPERATOR_TOKEN GATEHOUSE_BASE_URL=$BASE_URL GATEHOUSE_SECURE_COOKIES=false
mkdir -p "$(dirname "$REPORT")"
bench_start_server "$JAR" "$SERVER_LOG" 90
say "server UP (pid $SERVER_PID, $DB_KIND); $MINUTES min at $RATE req/s; report: $REPORT"

# --- the load ---------------------------------------------------------------------------------------------
set +e
java -cp "$ROOT/bench/target/classes:$(cat "$CP_FILE")" io.gatehouse.bench.soak.SoakBench \
  --base-url "$BASE_URL" --operator-token "$OPERATOR_TOKEN" --minutes "$MINUTES" --rate "$RATE" \
  --server-pid "$SERVER_PID" --seed "${SEED:-6}" --out "$REPORT"
rc=$?
set -e
printf '\nServer: %s, `%s -jar gatehouse.jar`, %s; peak RSS (VmHWM) %s MiB.\n' "$DB_KIND" "${SERVER_JAVA:-java}" \
  "$("${SERVER_JAVA:-java}" -version 2>&1 | head -1)" \
  "$(( $(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0) / 1024 ))" >>"$REPORT"
printf 'Machine: %s cores, %s MiB RAM; load generator on the same machine.\n' "$(nproc)" \
  "$(awk '/^MemTotal:/ {print int($2/1024)}' /proc/meminfo)" >>"$REPORT"
exit $rc
