#!/usr/bin/env bash
# Where the machine's CPU goes in Entra's cycle (issue 16): CPU milliseconds per request of the Gatehouse server,
# of PostgreSQL (all its processes) and of the load client, measured from /proc over the measured phase only. The
# sum against the machine's cores is the ceiling: with a server that cost nothing, the cycle could not go faster
# than cores * 1000 / (PostgreSQL + client ms per request).
#
#   bench/cpu-split.sh [CYCLES=3000]
# Env: JAVA (server runtime, default java), PGPORT (5432), PEER_BENCH (../shared/peer-bench), WARMUP (10000
#      unrecorded cycles first; 0 = cold), OUT (bench/target/cpu-split), SERVER_ARGS (more ./run-server.sh args),
#      SERVER=polis to measure Ory Polis instead, as ../shared/peer-bench/ratio.sh runs it (installed by its first
#      run under PEER_BENCH_HOME, default ~/.cache/peer-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
cycles=${1:-3000}
peer=${PEER_BENCH:-../shared/peer-bench}; pgport=${PGPORT:-5432}; out=${OUT:-bench/target/cpu-split}; port=18094
mkdir -p "$out"; out=$(cd "$out" && pwd)
db=gatehouse_cpu_split
if [ "${SERVER:-gatehouse}" = polis ]; then
  polis=${PEER_BENCH_HOME:-$HOME/.cache/peer-bench}/polis
  [ -f "$polis/server.js" ] || { echo "cpu-split.sh: Polis is not installed; run ../shared/peer-bench/ratio.sh once" >&2; exit 2; }
  psql -h 127.0.0.1 -p "$pgport" -U postgres -qXc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
  rm -f "$out/polis.env"
  (cd "$polis" && exec env PORT=$port JACKSON_ENGINE=postgres JACKSON_INFO_FILE="$out/polis.env" \
    JACKSON_DB_URL=postgresql://postgres@127.0.0.1:$pgport/$db node server.js) >"$out/server.log" 2>&1 & server=$!
  for _ in $(seq 1 240); do [ -s "$out/polis.env" ] && break; sleep 0.25; done
  . "$out/polis.env"; pid=$server; tok=$TOKEN; base=$BASE_URL
else
  . "$(dirname "$0")/lib-cycle.sh"
  cycle_server "$db" "$port" "$out/server.log" ${SERVER_ARGS:-}
  server=$CYCLE_SERVER; pid=$CYCLE_PID; tok=$CYCLE_TOKEN; base=http://127.0.0.1:$port/scim/v2
fi
trap 'kill $server 2>/dev/null || true' EXIT
load() { node "$peer/scim-load.mjs" --base "$base" --token "$tok" --n 0 --label cpu-split "$@"; }
[ "${WARMUP:-10000}" -gt 0 ] && load --warmup "${WARMUP:-10000}" --cycle 0 >/dev/null
# utime + stime of processes, in clock ticks: the server's pid, every postgres process, the whole machine
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
sys_ticks() { awk '{print $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# pg_ticks [ticks|sys_ticks]: the sum over every postgres process
pg_ticks() { local sum=0 p; for p in $(pgrep -x postgres); do sum=$((sum + $(${1:-ticks} "$p"))); done; echo $sum; }
machine() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
hz=$(getconf CLK_TCK); cores=$(nproc)
s0=$(ticks "$pid"); p0=$(pg_ticks); m0=$(machine); t0=$(date +%s.%N); ss0=$(sys_ticks "$pid"); ps0=$(pg_ticks sys_ticks)
/usr/bin/time -f '%U %S' -o "$out/client.time" node "$peer/scim-load.mjs" --base "$base" \
  --token "$tok" --n 0 --cycle "$cycles" --label cpu-split | tee "$out/load.txt"
s1=$(ticks "$pid"); p1=$(pg_ticks); m1=$(machine); t1=$(date +%s.%N); ss1=$(sys_ticks "$pid"); ps1=$(pg_ticks sys_ticks)
kill $server; wait $server 2>/dev/null || true; trap - EXIT
# updates that stayed on their page (HOT: no index entries written) against all updates, per table
psql -h 127.0.0.1 -p "$pgport" -U postgres -d $db -qXAtc "SELECT '== updates, HOT / all: ' || string_agg(relname || ' '
  || n_tup_hot_upd || ' / ' || n_tup_upd, ', ' ORDER BY relname) FROM pg_stat_user_tables WHERE n_tup_upd > 0" || true
psql -h 127.0.0.1 -p "$pgport" -U postgres -qXc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
python3 - "$hz" "$cores" "$cycles" "$s0" "$s1" "$p0" "$p1" "$m0" "$m1" "$t0" "$t1" "$out/client.time" "$ss0" "$ss1" "$ps0" "$ps1" <<'EOF'
import sys
hz, cores, cycles = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
s0, s1, p0, p1, m0, m1 = map(int, sys.argv[4:10]); t0, t1 = float(sys.argv[10]), float(sys.argv[11])
user, system = map(float, open(sys.argv[12]).read().split()[:2])
requests = 3 * cycles; ms = lambda ticks: 1000.0 * ticks / hz / requests
server, pg, client, machine = ms(s1 - s0), ms(p1 - p0), 1000.0 * (user + system) / requests, ms(m1 - m0)
wall = t1 - t0
print(f"== {requests} requests in {wall:.1f} s = {requests / wall:.0f} req/s; CPU ms per request:")
print(f"   server {server:.3f}  PostgreSQL {pg:.3f}  load client {client:.3f}  other {max(machine - server - pg - client, 0):.3f}"
      f"  machine {machine:.3f} of {cores * 1000.0 * wall / requests:.3f} available")
ss0, ss1, ps0, ps1 = map(int, sys.argv[13:17])
print(f"   of which in the kernel: server {ms(ss1 - ss0):.3f}  PostgreSQL {ms(ps1 - ps0):.3f}  load client {1000.0 * system / requests:.3f}")
print(f"   ceiling with a server costing nothing: {cores * 1000.0 / (pg + client):.0f} req/s")
EOF
