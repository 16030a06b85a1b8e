#!/usr/bin/env bash
# Issue 13: what directory events and webhooks cost the SCIM initial sync, how fast they are delivered, and how late.
# Each round runs the Entra-shaped sync twice, each on a freshly started server on a fresh database: once with
# --gatehouse.events.enabled=false and once with =true (order alternating between rounds: off/on, on/off, …, so both
# see the same machine), with a webhook receiver (io.gatehouse.bench.scim.WebhookReceiver, in the driver's JVM)
# registered as the endpoint of an application serving the measured company. Then one table.
#
#   bench/run-events.sh <users> [postgres|pg|h2]
#   bench/run-events.sh 100000 postgres              # the real run (ROUNDS=3 recommended on a quiet machine)
#   bench/run-events.sh 2000 pg                      # smoke test
#
# Environment (all optional):
#   ROUNDS=1               rounds of one off and one on run each
#   GROUP_COUNT=users/100  groups (each user in GROUPS_PER_USER=3 of them, Zipf-skewed; members in PATCHes of
#                          MEMBERS_PER_PATCH=100, at most 1000)
#   CONCURRENCY=8          SCIM workers
#   WARMUP_USERS=min(500,users)  unmeasured users (+1 group) first, in a company the application does not serve
#   DRAIN_SECONDS=120      after the sync, give up waiting for events once none arrived for this long
#   SEED=1  PORT=18082 (server, 127.0.0.1; must be free)  PGHOST_PORT=5432 (user postgres, trust auth)
#   SERVER_JAVA=java  SERVER_JAVA_OPTS=<jvm.options>  (as run-entra-sync.sh)
#   BENCH_TIMEOUT=7200     seconds before one driver run is stopped
#   STARTUP_SECONDS=180    how long a server may take to answer health UP
#   MODES="off on"         which runs a round makes ("on" alone: a quick look at delivery; no difference then)
#   MVN_FLAGS=""  SKIP_BUILD=1 (use app/target/gatehouse.jar and the bench classes as they are)
#
# Output: the table on stdout (also bench/target/events-<db>-<users>u/table.md); per run
# round<N>-events-<on|off>.json (the driver's figures), …-server.json (peak RSS; on PostgreSQL the outbox rows of the
# measured company, counted in SQL as a cross-check of "expected") and …-server.log in that directory.
# Exit code: 0 when every run had no error and received exactly the expected events (0 with events off), else 1.
set -euo pipefail

USER_COUNT=${1:-}
DB_KIND=${2:-postgres}
[[ $DB_KIND == pg ]] && DB_KIND=postgres
ROUNDS=${ROUNDS:-1}
GROUP_COUNT=${GROUP_COUNT:-$(( ${USER_COUNT:-0} / 100 > 0 ? ${USER_COUNT:-0} / 100 : 1 ))}
CONCURRENCY=${CONCURRENCY:-8}
WARMUP_USERS=${WARMUP_USERS:-$(( ${USER_COUNT:-0} < 500 ? ${USER_COUNT:-0} : 500 ))}
DRAIN_SECONDS=${DRAIN_SECONDS:-120}
MEMBERS_PER_PATCH=${MEMBERS_PER_PATCH:-100}
GROUPS_PER_USER=${GROUPS_PER_USER:-3}
SEED=${SEED:-1}
PORT=${PORT:-18082}
PGHOST_PORT=${PGHOST_PORT:-5432}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-7200}
MODES=${MODES:-off on}
PG_DB=gatehouse_events_bench
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/app/target/gatehouse.jar
CLASSPATH_FILE=$ROOT/bench/target/runtime-classpath.txt
BASE_URL=http://127.0.0.1:$PORT

log() { echo "[run-events] $*" >&2; }
die() { log "$*"; exit 1; }
[[ -n $USER_COUNT ]] || die "usage: bench/run-events.sh <users> [postgres|pg|h2]"
case $DB_KIND in h2|postgres) ;; *) die "database must be postgres (pg) or h2, got '$DB_KIND'" ;; esac
for n in "$USER_COUNT" "$ROUNDS" "$GROUP_COUNT" "$CONCURRENCY" "$WARMUP_USERS" "$DRAIN_SECONDS" "$PORT"; do
  [[ $n =~ ^[0-9]+$ ]] || die "not a number: $n"
done
(( USER_COUNT >= 1 && ROUNDS >= 1 )) || die "users and ROUNDS must be at least 1"
OUT_DIR=$ROOT/bench/target/events-$DB_KIND-${USER_COUNT}u

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  log "building (mvn -q -B ${MVN_FLAGS:-} -DskipTests package -pl app,bench -am)"
  (cd "$ROOT" && mvn -q -B ${MVN_FLAGS:-} -DskipTests package -pl app,bench -am)
fi
MVN_FLAGS=${MVN_FLAGS:-} "$ROOT/bench/classpath.sh"
[[ -s $CLASSPATH_FILE && -f $JAR ]] || die "no $JAR or $CLASSPATH_FILE; run without SKIP_BUILD"
BENCH_CP=$ROOT/bench/target/classes:$(cat "$CLASSPATH_FILE")

source "$ROOT/bench/lib.sh"
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS-$(grep -Ev '^[[:space:]]*(#|$)' "$ROOT/jvm.options" | tr '\n' ' ')}
rm -rf "$OUT_DIR"
mkdir -p "$OUT_DIR"
WORK_DIR=
cleanup() {
  bench_stop_server
  bench_drop_database
  [[ -n $WORK_DIR ]] && rm -rf "$WORK_DIR"
  WORK_DIR=
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# One run: fresh database, server with events $1 (on|off), the driver, the cross-checks, stop and drop.
STATUS=0
run_once() {
  local events=$1 round=$2 enabled=false
  [[ $events == on ]] && enabled=true
  local name=$OUT_DIR/round$round-events-$events
  bench_refuse_busy_port
  WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-events-bench.XXXXXX")
  bench_fresh_database
  OPERATOR_TOKEN=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
  export GATEHOUSE_OPERATOR_TOKEN=$OPERATOR_TOKEN GATEHOUSE_BASE_URL=$BASE_URL
  SERVER_ARGS=(--gatehouse.events.enabled=$enabled --gatehouse.events.webhooks.allow-http-loopback=true)
  log "round $round, events $events: starting server ($DB_KIND), log: $name-server.log"
  bench_start_server "$JAR" "$name-server.log" "${STARTUP_SECONDS:-180}"
  local rc=0
  timeout --signal=TERM --kill-after=10 "$BENCH_TIMEOUT" \
    java -cp "$BENCH_CP" io.gatehouse.bench.scim.EventsBench --events "$events" --drain-seconds "$DRAIN_SECONDS" \
      --base-url "$BASE_URL" --operator-token "$OPERATOR_TOKEN" \
      --users "$USER_COUNT" --groups "$GROUP_COUNT" --concurrency "$CONCURRENCY" \
      --members-per-patch "$MEMBERS_PER_PATCH" --groups-per-user "$GROUPS_PER_USER" \
      --warmup-users "$WARMUP_USERS" --seed "$SEED" --label "$DB_KIND" --json-out "$name.json" || rc=$?
  (( rc == 0 )) || { log "round $round, events $events: the driver exited with $rc"; STATUS=1; }
  local peak_kb=null outbox=null by_type=null attempts=null company
  [[ -r /proc/$SERVER_PID/status ]] && peak_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")
  company=$(sed -n 's/^ *"companyId" *: *"\([0-9a-f-]*\)".*/\1/p' "$name.json" 2>/dev/null || true)
  if [[ $DB_KIND == postgres && -n $company ]]; then
    outbox=$(psql "${PSQL_ARGS[@]}" -d "$PG_DB" -XAtq \
      -c "SELECT count(*) FROM directory_event WHERE company_id = '$company'" 2>/dev/null) || outbox=null
    by_type=$(psql "${PSQL_ARGS[@]}" -d "$PG_DB" -XAtq -c "SELECT coalesce(json_object_agg(type, n), '{}') FROM
      (SELECT type, count(*) AS n FROM directory_event WHERE company_id = '$company' GROUP BY type) t" 2>/dev/null) \
      || by_type=null
    # every delivery attempt of the run's endpoint: a FAILED one (with its error) delays the company's stream by the
    # retry back-off (30 s first)
    attempts=$(psql "${PSQL_ARGS[@]}" -d "$PG_DB" -XAtq -c "SELECT coalesce(json_object_agg(k, n), '{}') FROM
      (SELECT outcome || coalesce(': ' || error, '') AS k, count(*) AS n FROM webhook_delivery GROUP BY 1) t" \
      2>/dev/null) || attempts=null
  fi
  printf '{"events": "%s", "serverPeakRssKb": %s, "outboxRows": %s, "outboxRowsByType": %s, "deliveryAttempts": %s,'\
' "benchExitCode": %d}\n' "$events" "${peak_kb:-null}" "${outbox:-null}" "${by_type:-null}" "${attempts:-null}" "$rc" \
    >"$name-server.json"
  cleanup
}

log "$ROUNDS round(s) of $USER_COUNT users, $GROUP_COUNT groups, $CONCURRENCY workers on $DB_KIND; results in $OUT_DIR"
started=$SECONDS
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 == 1 )); then order="off on"; else order="on off"; fi
  for events in $order; do
    [[ " $MODES " == *" $events "* ]] && run_once "$events" "$round"
  done
done
log "all runs took $((SECONDS - started)) s"
files=()
for round in $(seq 1 "$ROUNDS"); do
  for events in off on; do
    [[ -f $OUT_DIR/round$round-events-$events.json ]] && files+=("$OUT_DIR/round$round-events-$events.json")
  done
done
(( ${#files[@]} > 0 )) || die "no run produced figures"
java -cp "$BENCH_CP" io.gatehouse.bench.scim.EventsTable "${files[@]}" | tee "$OUT_DIR/table.md" || STATUS=1
exit "$STATUS"
