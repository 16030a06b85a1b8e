#!/usr/bin/env bash
# Replays an Entra ID initial sync against a freshly started Gatehouse on a fresh database.
#
#   bench/run-entra-sync.sh [h2|postgres] [users] [groups] [concurrency]
#
# Environment (all optional):
#   SCENARIO=entra-sync     or "scale" (bench/run-scale.sh sets it): initial + incremental cycle + probes;
#                           or "lookups" (bench/run-lookups.sh sets it, PostgreSQL only): a directory of <users>
#                           seeded in SQL, then sequential userName/externalId lookups (LookupLatencyBench)
#   GROUP_SIZE LARGE_GROUPS LARGE_GROUP_SIZE HUGE_GROUP_SIZE PROBE_REPEATS PROBE_ADD_MEMBERS PROBE_LOOKUPS
#                           scale scenario only: passed as --group-size … (bench defaults when unset)
#   PORT=18080              server port (127.0.0.1 only; must be free)
#   WARMUP_USERS=min(500,users)  unmeasured users (+1 group) sent first
#   SEED=1  MEMBERS_PER_PATCH=100  GROUPS_PER_USER=3
#   SERVER_JAVA_OPTS=<jvm.options>  JVM options of the server; default: the production options of ./jvm.options
#                           (heap cap, serial GC, metaspace); "" for the JVM's own defaults
#   SERVER_JAVA=java        the server's java binary, e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
#   BENCH_TIMEOUT=1800      seconds before the load generator is stopped
#   JSON_OUT=bench/target/<scenario>-<db>-<users>u-<groups>g-c<concurrency>.json; the script also writes
#                           <JSON_OUT without .json>-server.json with the server's peak RSS and the database size
#   MVN_FLAGS=""            extra Maven flags for the build, e.g. "-o" when offline
#   SKIP_BUILD=1            use the existing app/target/gatehouse.jar and bench classes as they are
#   BENCH_CLASSPATH_PREPEND=<dir|jar>  classes put before the load generator's own (A/B of two load generators,
#                           e.g. an older BearerClient compiled from git history)
#   SERVER_JAR=<path>       run this server jar instead of app/target/gatehouse.jar (with SKIP_BUILD=1: A/B runs
#                           of two builds, e.g. a copy of the jar of main against a branch's)
#   PGHOST_PORT=5432        PostgreSQL port on 127.0.0.1 (user postgres, trust auth)
#
# Exit code: the load generator's (0 = no errors, 1 = errors), or 1 if setup failed.
set -euo pipefail

DB_KIND=${1:-h2}
USER_COUNT=${2:-10000}
GROUP_COUNT=${3:-100}          # not GROUPS: that is a read-only bash variable
CONCURRENCY=${4:-8}
PORT=${PORT:-18080}
SEED=${SEED:-1}
MEMBERS_PER_PATCH=${MEMBERS_PER_PATCH:-100}
GROUPS_PER_USER=${GROUPS_PER_USER:-3}
WARMUP_USERS=${WARMUP_USERS:-$(( USER_COUNT < 500 ? USER_COUNT : 500 ))}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-1800}
PGHOST_PORT=${PGHOST_PORT:-5432}
MVN_FLAGS=${MVN_FLAGS:-}
PG_DB=gatehouse_bench
SCENARIO=${SCENARIO:-entra-sync}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${SERVER_JAR:-$ROOT/app/target/gatehouse.jar}
CLASSPATH_FILE=$ROOT/bench/target/runtime-classpath.txt
JSON_OUT=${JSON_OUT:-$ROOT/bench/target/$SCENARIO-$DB_KIND-${USER_COUNT}u-${GROUP_COUNT}g-c$CONCURRENCY.json}
SERVER_JSON=${JSON_OUT%.json}-server.json
SERVER_LOG=$ROOT/bench/target/$SCENARIO-$DB_KIND-server.log
BASE_URL=http://127.0.0.1:$PORT

log() { echo "[run-entra-sync] $*" >&2; }
die() { log "$*"; exit 1; }

case $DB_KIND in h2|postgres) ;; *) die "database must be h2 or postgres, got '$DB_KIND'" ;; esac
SCENARIO_ARGS=(--scenario "$SCENARIO")
case $SCENARIO in
  entra-sync) ;;
  scale)
    for knob in GROUP_SIZE LARGE_GROUPS LARGE_GROUP_SIZE HUGE_GROUP_SIZE PROBE_REPEATS PROBE_ADD_MEMBERS PROBE_LOOKUPS; do
      value=${!knob:-}
      [[ -z $value ]] && continue
      [[ $value =~ ^[0-9]+$ ]] || die "$knob is not a number: $value"
      flag=--$(tr 'A-Z_' 'a-z-' <<<"$knob")
      SCENARIO_ARGS+=("$flag" "$value")
    done ;;
  lookups)
    [[ $DB_KIND == postgres ]] || die "the lookups scenario seeds its directory in PostgreSQL's SQL; use postgres" ;;
  *) die "SCENARIO must be entra-sync, scale or lookups, got '$SCENARIO'" ;;
esac
for n in "$USER_COUNT" "$GROUP_COUNT" "$CONCURRENCY" "$PORT"; do
  [[ $n =~ ^[0-9]+$ ]] || die "not a number: $n"
done

# --- build only when a source or pom is newer than the artifacts --------------------------------
needs_build() {
  [[ ${SKIP_BUILD:-0} == 1 ]] && return 1
  [[ -f $JAR && -d $ROOT/bench/target/classes/io/gatehouse/bench/scim ]] || return 0
  [[ -n $(find "$ROOT" -path '*/target' -prune -o -path '*/.*' -prune -o \
            \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) \
            -newer "$JAR" -print -quit) ]]
}
if needs_build; then
  log "building (mvn -q -B $MVN_FLAGS -DskipTests package)"
  (cd "$ROOT" && mvn -q -B $MVN_FLAGS -DskipTests package)
fi
MVN_FLAGS=$MVN_FLAGS "$ROOT/bench/classpath.sh"
[[ -f $JAR ]] || die "no $JAR; build first"
BENCH_CP=${BENCH_CLASSPATH_PREPEND:+$BENCH_CLASSPATH_PREPEND:}$ROOT/bench/target/classes:$(cat "$CLASSPATH_FILE")

source "$ROOT/bench/lib.sh"
bench_refuse_busy_port

# --- fresh database and server (production JVM options of jvm.options unless SERVER_JAVA_OPTS is set) -----------
WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-bench.XXXXXX")
cleanup() {
  bench_stop_server
  bench_drop_database
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
bench_fresh_database

OPERATOR_TOKEN=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
export GATEHOUSE_OPERATOR_TOKEN=$OPERATOR_TOKEN
export GATEHOUSE_BASE_URL=$BASE_URL
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS-$(grep -Ev '^[[:space:]]*(#|$)' "$ROOT/jvm.options" | tr '\n' ' ')}
log "starting server on $BASE_URL ($DB_KIND), log: $SERVER_LOG"
log "server JVM options: ${SERVER_JAVA_OPTS:-(none)}"
started=$SECONDS
bench_start_server "$JAR" "$SERVER_LOG"
log "server UP (pid $SERVER_PID) after $((SECONDS - started)) s"

# --- run the load generator -------------------------------------------------------------------------------
set +e
if [[ $SCENARIO == lookups ]]; then
  timeout --signal=TERM --kill-after=10 "$BENCH_TIMEOUT" \
    java -cp "$BENCH_CP" io.gatehouse.bench.scim.LookupLatencyBench \
      --base-url "$BASE_URL" --operator-token "$OPERATOR_TOKEN" --jdbc-url "$GATEHOUSE_DB_URL" \
      --users "$USER_COUNT" --lookups "${PROBE_LOOKUPS:-2000}" --warmup "${LOOKUP_WARMUP:-2000}" --seed "$SEED" \
      --label "$DB_KIND" --json-out "$JSON_OUT"
else
  timeout --signal=TERM --kill-after=10 "$BENCH_TIMEOUT" \
    java -cp "$BENCH_CP" io.gatehouse.bench.scim.EntraSyncBench \
      --base-url "$BASE_URL" --operator-token "$OPERATOR_TOKEN" \
      --users "$USER_COUNT" --groups "$GROUP_COUNT" --concurrency "$CONCURRENCY" \
      --members-per-patch "$MEMBERS_PER_PATCH" --groups-per-user "$GROUPS_PER_USER" \
      --warmup-users "$WARMUP_USERS" --seed "$SEED" \
      --server-pid "$SERVER_PID" --label "$DB_KIND" --json-out "$JSON_OUT" "${SCENARIO_ARGS[@]}"
fi
BENCH_RC=$?
set -e
(( BENCH_RC == 124 )) && log "load generator stopped after BENCH_TIMEOUT=$BENCH_TIMEOUT s"

# VmHWM is the kernel's peak-RSS high-water mark for the process, so one read at the end suffices
peak_kb=null
if [[ -r /proc/$SERVER_PID/status ]]; then
  peak_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")
  log "server peak RSS (VmHWM): $((peak_kb / 1024)) MiB"
fi

# database size while the server still runs (before anything is dropped): PostgreSQL's own figure
# (tables, indexes, TOAST); for H2 the bytes of the database files in the scratch directory
db_bytes=null
if [[ $DB_KIND == postgres ]]; then
  db_bytes=$(psql "${PSQL_ARGS[@]}" -d "$PG_DB" -XAtq -c 'SELECT pg_database_size(current_database())' 2>/dev/null) \
    || db_bytes=null
else
  db_bytes=$(find "$WORK_DIR/data" -maxdepth 1 -name 'gatehouse*.db' -printf '%s\n' 2>/dev/null | awk '{s+=$1} END {print s+0}')
fi
[[ $db_bytes =~ ^[0-9]+$ ]] || db_bytes=null
if [[ $db_bytes != null ]]; then
  log "database size: $((db_bytes / 1024 / 1024)) MiB ($db_bytes bytes, $DB_KIND)"
else
  log "database size: unknown"
fi
printf '{"scenario": "%s", "database": "%s", "serverPeakRssKb": %s, "databaseSizeBytes": %s, "benchExitCode": %d}\n' \
  "$SCENARIO" "$DB_KIND" "$peak_kb" "$db_bytes" "$BENCH_RC" >"$SERVER_JSON"
[[ -f $JSON_OUT ]] && log "figures written to $JSON_OUT and $SERVER_JSON"
exit "$BENCH_RC"
