#!/usr/bin/env bash
# Start-to-healthy time of Gatehouse on its embedded H2 file database: wall time from starting the JVM to the
# first GET /actuator/health answering {"status":"UP"}, over several runs, with the median.
#
#   bench/run-startup.sh [runs]          # default 5
#
# Each run starts the jar twice in the same fresh scratch directory:
#   fresh    - empty database: Flyway creates the schema (a node's very first start);
#   restart  - the database the fresh start left (every later start).
# Environment: PORT (random 20000-29999), SERVER_JAVA (java), SERVER_JAVA_OPTS (default: ./jvm.options),
# SKIP_BUILD=1, MVN_FLAGS, JSON_OUT (bench/target/startup-h2.json). A run counts only if this server's own log
# says it bound the port (so nothing else on the port can answer for it). The health endpoint is polled every 50 ms, so
# figures are rounded up to the next poll. Run on an otherwise idle machine.
set -euo pipefail

RUNS=${1:-5}
PORT=${PORT:-$((20000 + RANDOM % 10000))} # random by default: a server of someone else on the port would answer the polls
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/app/target/gatehouse.jar
JSON_OUT=${JSON_OUT:-$ROOT/bench/target/startup-h2.json}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS-$(grep -Ev '^[[:space:]]*(#|$)' "$ROOT/jvm.options" | tr '\n' ' ')}

log() { echo "[run-startup] $*" >&2; }
die() { log "$*"; exit 1; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "runs must be a positive number, got '$RUNS'"

if [[ ${SKIP_BUILD:-0} != 1 ]] && { [[ ! -f $JAR ]] || [[ -n $(find "$ROOT" -path '*/target' -prune -o -path '*/.*' -prune \
      -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$JAR" -print -quit) ]]; }; then
  log "building (mvn -q -B ${MVN_FLAGS:-} -DskipTests package -pl app -am)"
  (cd "$ROOT" && mvn -q -B ${MVN_FLAGS:-} -DskipTests package -pl app -am)
fi
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

source "$ROOT/bench/lib.sh" # bench_stop_server (this script starts the server through ./run-server.sh itself)
WORK_DIR=
stop_server() { bench_stop_server; SERVER_PID=; }
cleanup() { stop_server; [[ -n $WORK_DIR ]] && rm -rf "$WORK_DIR"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { date +%s%3N; }

# sets ELAPSED_MS: the milliseconds from JVM start to health UP
start_once() {
  local dir=$1 started deadline
  port_free || die "port $PORT is in use; set PORT to a free one"
  export GATEHOUSE_DB_URL="jdbc:h2:file:$dir/gatehouse;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
  export GATEHOUSE_DB_USER=sa GATEHOUSE_DB_PASSWORD=
  export GATEHOUSE_OPERATOR_TOKEN=startup-bench-operator-token GATEHOUSE_BASE_URL=http://127.0.0.1:$PORT
  started=$(now_ms)
  # Started as an operator starts it: through ./run-server.sh (jvm.options, and the class cache it prepares).
  (cd "$dir" && JAVA="${SERVER_JAVA:-java}" JVM_OPTIONS="$SERVER_JAVA_OPTS" exec "$ROOT/run-server.sh" \
      --server.port="$PORT" --server.address=127.0.0.1) >"$dir/server.log" 2>&1 &
  SERVER_PID=$!
  deadline=$((started + 120000))
  until curl -fsS --max-time 1 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -Eq '"status" *: *"UP"'; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$dir/server.log" >&2; die "server exited during startup"; }
    (( $(now_ms) < deadline )) || { tail -n 30 "$dir/server.log" >&2; die "server not UP within 120 s"; }
    sleep 0.05
  done
  ELAPSED_MS=$(( $(now_ms) - started ))
  grep -q "Tomcat started on port $PORT" "$dir/server.log" || die "something else answered on port $PORT; set PORT"
  stop_server
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

JAVA="${SERVER_JAVA:-java}" JVM_OPTIONS="$SERVER_JAVA_OPTS" GATEHOUSE_PREPARE_ONLY=1 "$ROOT/run-server.sh" \
  || die "run-server.sh could not prepare the server"
log "class cache: ${GATEHOUSE_CLASS_CACHE:-on} (GATEHOUSE_CLASS_CACHE=off measures the plain jar)"
log "server JVM: ${SERVER_JAVA:-java} ${SERVER_JAVA_OPTS:-(no options)}; $RUNS runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
fresh=() restart=()
for i in $(seq 1 "$RUNS"); do
  WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-startup.XXXXXX")
  start_once "$WORK_DIR"; fresh+=("$ELAPSED_MS")
  start_once "$WORK_DIR"; restart+=("$ELAPSED_MS")
  rm -rf "$WORK_DIR"; WORK_DIR=
  log "run $i: fresh database ${fresh[-1]} ms, restart ${restart[-1]} ms"
done
fresh_median=$(printf '%s\n' "${fresh[@]}" | median)
restart_median=$(printf '%s\n' "${restart[@]}" | median)
echo "start to healthy on H2 (median of $RUNS): fresh database $fresh_median ms, restart $restart_median ms"
mkdir -p "$(dirname "$JSON_OUT")"
printf '{"database": "h2", "runs": %d, "freshMs": [%s], "restartMs": [%s], "freshMedianMs": %d, "restartMedianMs": %d, "javaOptions": "%s", "loadAverage": "%s"}\n' \
  "$RUNS" "$(IFS=,; echo "${fresh[*]}")" "$(IFS=,; echo "${restart[*]}")" "$fresh_median" "$restart_median" \
  "$SERVER_JAVA_OPTS" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$JSON_OUT"
log "figures written to $JSON_OUT"
