# Set-up shared by the bench scripts that start their own server (run-entra-sync.sh, run-console-users.sh,
# run-soak.sh): sourced, not run. The script sets DB_KIND (h2|postgres), PG_DB, PGHOST_PORT, PORT, BASE_URL,
# WORK_DIR (a scratch directory it deletes), SERVER_JAVA_OPTS and a function die before calling these.

PSQL_ARGS=(-h 127.0.0.1 -p "${PGHOST_PORT:-5432}" -U postgres)
SERVER_PID=

# Refuses to benchmark whatever else might already listen on the port.
bench_refuse_busy_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    die "port $PORT is already in use; set PORT to a free one"
  fi
}

# An empty database and the GATEHOUSE_DB_* variables for it: PostgreSQL database $PG_DB, created anew; or H2 with
# the product's default URL, which puts it under ./data of the server's working directory, $WORK_DIR.
bench_fresh_database() {
  unset GATEHOUSE_DB_URL GATEHOUSE_DB_USER GATEHOUSE_DB_PASSWORD
  if [[ $DB_KIND == postgres ]]; then
    # quiet the "does not exist, skipping" notice; real errors still reach stderr
    PGOPTIONS="-c client_min_messages=warning" dropdb "${PSQL_ARGS[@]}" --if-exists "$PG_DB"
    createdb "${PSQL_ARGS[@]}" "$PG_DB"
    export GATEHOUSE_DB_URL="jdbc:postgresql://127.0.0.1:${PGHOST_PORT:-5432}/$PG_DB" GATEHOUSE_DB_USER=postgres \
      GATEHOUSE_DB_PASSWORD=
    # a fresh database, so a fresh key-encryption key (PostgreSQL deployments must configure one)
    export GATEHOUSE_KEK=${GATEHOUSE_KEK:-bench:$(head -c 32 /dev/urandom | base64)}
  fi
}

bench_drop_database() {
  if [[ $DB_KIND == postgres ]]; then
    dropdb "${PSQL_ARGS[@]}" --if-exists "$PG_DB" 2>/dev/null || echo "could not drop database $PG_DB" >&2
  fi
}

# Starts the jar $1 in $WORK_DIR on 127.0.0.1:$PORT (log to $2) and waits up to $3 seconds (default 60) for
# /actuator/health to say UP; sets SERVER_PID. Arguments in the array SERVER_ARGS (if set) follow the jar's
# port and address, e.g. SERVER_ARGS=(--gatehouse.events.enabled=false).
bench_start_server() {
  local jar=$1 server_log=$2 deadline=$((SECONDS + ${3:-60}))
  mkdir -p "$(dirname "$server_log")"
  # cwd = the scratch directory, so nothing the server writes relative to ./ survives the run
  (cd "$WORK_DIR" && exec "${SERVER_JAVA:-java}" $SERVER_JAVA_OPTS -jar "$jar" --server.port="$PORT" \
      --server.address=127.0.0.1 ${SERVER_ARGS[@]+"${SERVER_ARGS[@]}"}) >"$server_log" 2>&1 &
  SERVER_PID=$!
  until curl -fsS --max-time 2 "$BASE_URL/actuator/health" 2>/dev/null | grep -Eq '"status" *: *"UP"'; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 40 "$server_log" >&2; die "server exited during startup"; }
    (( SECONDS < deadline )) || { tail -n 40 "$server_log" >&2; die "server not UP within ${3:-60} s"; }
    sleep 0.5
  done
}

# Stops the server gracefully, forcibly after 20 s.
bench_stop_server() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
