# Set-up shared by the scripts that run the peer bench's load client against ./run-server.sh on PostgreSQL
# (profile-entra-cycle.sh, cpu-split.sh, trace-statements.sh): sourced, not run.

# cycle_server DB PORT LOG [run-server args …]: a fresh PostgreSQL database DB (127.0.0.1:$PGPORT), the server on
# it at PORT (log LOG; JAVA and JAVA_OPTS as the caller set them), healthy, with one company and its SCIM token.
# Sets CYCLE_SERVER (the launcher's pid, to kill), CYCLE_PID (the JVM's pid) and CYCLE_TOKEN.
cycle_server() {
  local db=$1 port=$2 log=$3 op=op-$RANDOM$RANDOM$RANDOM cid
  shift 3
  psql -h 127.0.0.1 -p "${PGPORT:-5432}" -U postgres -qXc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" \
    ${CYCLE_DB_SETTING:+-c "ALTER DATABASE $db SET $CYCLE_DB_SETTING"} >/dev/null 2>&1
  JAVA=${JAVA:-java} GATEHOUSE_PREPARE_ONLY=1 ./run-server.sh # jar and class cache first, outside any measurement
  GATEHOUSE_OPERATOR_TOKEN=$op JAVA=${JAVA:-java} GATEHOUSE_DB_URL=jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/$db \
    GATEHOUSE_DB_USER=postgres GATEHOUSE_DB_PASSWORD= ./run-server.sh --server.port="$port" "$@" >"$log" 2>&1 &
  CYCLE_SERVER=$!
  for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break; sleep 0.25; done
  CYCLE_PID=$(pgrep -f "server.port=$port" | head -n 1)
  cid=$(curl -fsS -X POST "http://127.0.0.1:$port/operator/v1/companies" -H "Authorization: Bearer $op" \
    -H 'Content-Type: application/json' -d '{"name":"Bench","plan":"premium"}' \
    | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
  CYCLE_TOKEN=$(curl -fsS -X POST "http://127.0.0.1:$port/operator/v1/companies/$cid/scim-tokens" \
    -H "Authorization: Bearer $op" -H 'Content-Type: application/json' -d '{}' \
    | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
}
