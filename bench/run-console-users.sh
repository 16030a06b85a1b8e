#!/usr/bin/env bash
# The console's Users page with many users: seeds one company through SCIM, signs in as its administrator
# (setup link → password) and times GET /console/users (first page, a userName-prefix search, a display-name
# search, a page deep in the list) against a freshly started Gatehouse on a fresh database.
#
#   bench/run-console-users.sh [h2|postgres] [users] [concurrency] [repeats]
#   bench/run-console-users.sh postgres 100000 8 200
#
# SCIM_USERS (default: all users on H2, 5000 on PostgreSQL) users are created through SCIM; on PostgreSQL the rest
# are cloned from those rows in bulk (bench/console-users-bulk.sql: the same stored rows, own ids and names), which
# keeps the seeding to about a minute on a shared machine. SCIM_USERS=100000 creates them all through SCIM.
#
# Environment: PORT (18081), SERVER_JAVA (java), SERVER_JAVA_OPTS, PGHOST_PORT (5432, user postgres, trust auth),
# SKIP_BUILD=1 (use app/target/gatehouse.jar and the bench classes as they are), MVN_FLAGS (e.g. -o),
# KEEP_DB=1 (leave the PostgreSQL database gatehouse_console_bench for EXPLAIN; the next run replaces it),
# SCIM_LISTINGS=0 (skip the SCIM listing timings at the end), SCIM_REPEATS (30).
# Output: the tables on stdout and bench/target/console-users-<db>-<users>u.json.
set -euo pipefail

DB_KIND=${1:-postgres}
USER_COUNT=${2:-100000}
CONCURRENCY=${3:-8}
REPEATS=${4:-200}
PORT=${PORT:-18081}
PGHOST_PORT=${PGHOST_PORT:-5432}
PG_DB=gatehouse_console_bench
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/app/target/gatehouse.jar
CLASSPATH_FILE=$ROOT/bench/target/runtime-classpath.txt
JSON_OUT=$ROOT/bench/target/console-users-$DB_KIND-${USER_COUNT}u.json
SERVER_LOG=$ROOT/bench/target/console-users-$DB_KIND-server.log
BASE_URL=http://127.0.0.1:$PORT

log() { echo "[run-console-users] $*" >&2; }
die() { log "$*"; exit 1; }
case $DB_KIND in h2|postgres) ;; *) die "database must be h2 or postgres, got '$DB_KIND'" ;; esac
for n in "$USER_COUNT" "$CONCURRENCY" "$REPEATS" "$PORT"; do [[ $n =~ ^[0-9]+$ ]] || die "not a number: $n"; done

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  log "building (mvn -q -B ${MVN_FLAGS:-} -DskipTests package)"
  (cd "$ROOT" && mvn -q -B ${MVN_FLAGS:-} -DskipTests package)
fi
MVN_FLAGS=${MVN_FLAGS:-} "$ROOT/bench/classpath.sh"
[[ -s $CLASSPATH_FILE && -f $JAR ]] || die "no $JAR or $CLASSPATH_FILE; run without SKIP_BUILD"
BENCH_CP=$ROOT/bench/target/classes:$(cat "$CLASSPATH_FILE")

source "$ROOT/bench/lib.sh"
bench_refuse_busy_port

WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-console-bench.XXXXXX")
cleanup() {
  bench_stop_server
  [[ ${KEEP_DB:-0} == 1 ]] || bench_drop_database
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
bench_fresh_database
OPERATOR_TOKEN=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
# plain http on 127.0.0.1: the session and CSRF cookies must not be Secure for the client to send them back
export GATEHOUSE_OPERATOR_TOKEN=$OPERATOR_TOKEN GATEHOUSE_BASE_URL=$BASE_URL GATEHOUSE_SECURE_COOKIES=false
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
log "starting server on $BASE_URL ($DB_KIND), log: $SERVER_LOG"
bench_start_server "$JAR" "$SERVER_LOG"

if [[ $DB_KIND == postgres ]]; then SCIM_USERS=${SCIM_USERS:-$(( USER_COUNT < 5000 ? USER_COUNT : 5000 ))}
else SCIM_USERS=$USER_COUNT; fi
(( SCIM_USERS >= 2 && SCIM_USERS <= USER_COUNT )) || die "SCIM_USERS must be between 2 and the user count"
BENCH=(java -cp "$BENCH_CP" io.gatehouse.bench.scim.ConsoleUsersBench)
seed_start=$SECONDS
COMPANY_ID=$("${BENCH[@]}" seed "$BASE_URL" "$OPERATOR_TOKEN" "$SCIM_USERS" "$CONCURRENCY")
if (( USER_COUNT > SCIM_USERS )); then
  log "adding $((USER_COUNT - SCIM_USERS)) users in bulk (bench/console-users-bulk.sql)"
  psql "${PSQL_ARGS[@]}" -d "$PG_DB" -XAtq -v company="$COMPANY_ID" -v total="$USER_COUNT" \
    -f "$ROOT/bench/console-users-bulk.sql" >&2
fi
log "seeding took $((SECONDS - seed_start)) s"
"${BENCH[@]}" measure "$BASE_URL" "$OPERATOR_TOKEN" "$COMPANY_ID" "$SCIM_USERS" "$USER_COUNT" "$REPEATS" "$JSON_OUT"

# The same company through SCIM: listing pages (Okta's import walks them; on H2 a page once read and sorted the whole
# company, BENCHMARKS.md "H2 listing pages at 100,000 users"), a broad filter, a group page and a userName lookup.
# curl, 5 warm-up + SCIM_REPEATS (30) sequential requests each; SCIM_LISTINGS=0 skips this part.
if [[ ${SCIM_LISTINGS:-1} == 1 ]]; then
  token=$(curl -fsS -X POST "$BASE_URL/operator/v1/companies/$COMPANY_ID/scim-tokens" \
    -H "Authorization: Bearer $OPERATOR_TOKEN" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
  [[ -n $token ]] || die "could not issue a SCIM token for the listing timings"
  middle=$(( USER_COUNT / 2 + 1 ))
  echo "SCIM pages, $USER_COUNT users, ${SCIM_REPEATS:-30} timed requests per case (after 5 warm-up), curl"
  for path in "/Users?startIndex=1&count=100" "/Users?startIndex=$middle&count=100" \
              "/Users?count=100&filter=active%20eq%20true" "/Groups?count=100&excludedAttributes=members" \
              "/Users?filter=userName%20eq%20%22nobody%40example.com%22"; do
    for i in $(seq 1 $(( 5 + ${SCIM_REPEATS:-30} ))); do
      curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$BASE_URL/scim/v2$path" \
        || die "GET /scim/v2$path failed"
    done | tail -n +6 | sort -n | awk -v p="GET /scim/v2$path" '{t[NR] = $1 * 1000}
      END {printf "  %-70s p50 %8.1f ms   max %8.1f ms\n", p, t[int((NR + 1) / 2)], t[NR]}'
  done
fi
