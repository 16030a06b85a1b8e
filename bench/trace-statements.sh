#!/usr/bin/env bash
# The SQL statements behind Entra's cycle (issue 16): PostgreSQL logs every statement of a scratch database
# (log_statement=all) while one worker runs CYCLES cycles (filter by userName -> create -> PATCH active false);
# prints how many of each ran per cycle. Needs read access to PostgreSQL's server log (LOG, default the Debian
# package's /var/log/postgresql/postgresql-15-main.log).
#
#   bench/trace-statements.sh [CYCLES=20]
# Env: JAVA, PGPORT (5432), PEER_BENCH (../shared/peer-bench), LOG.
set -euo pipefail
cd "$(dirname "$0")/.."
cycles=${1:-20}
peer=${PEER_BENCH:-../shared/peer-bench}; pgport=${PGPORT:-5432}; port=18095
log=${LOG:-/var/log/postgresql/postgresql-15-main.log}
[ -r "$log" ] || { echo "trace-statements.sh: cannot read PostgreSQL's log $log (set LOG)" >&2; exit 2; }
db=gatehouse_trace
psql=(psql -h 127.0.0.1 -p "$pgport" -U postgres -qX)
. "$(dirname "$0")/lib-cycle.sh"
CYCLE_DB_SETTING="log_statement = 'all'" cycle_server "$db" "$port" /dev/null
server=$CYCLE_SERVER; tok=$CYCLE_TOKEN
trap 'kill $server 2>/dev/null || true' EXIT
sleep 2 # the start's own statements (publisher, statistics) are logged before the mark
mark=$(wc -l <"$log")
node "$peer/scim-load.mjs" --base "http://127.0.0.1:$port/scim/v2" --token "$tok" --n 0 --conc 1 --cycle "$cycles" \
  --label trace | tail -n 1
sleep 1
kill $server; wait $server 2>/dev/null || true; trap - EXIT
"${psql[@]}" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
# "execute S_1: SELECT …" (named, prepared) and "execute <unnamed>: …" are the same statement for this count
tail -n +"$((mark + 1))" "$log" | grep -o '\(statement\|execute [^:]*\): .*' \
  | sed -E 's/^(statement|execute [^:]*): //; s/^(.{0,100}).*/\1/' | sort | uniq -c | sort -rn \
  | awk -v n="$cycles" '{c=$1; $1=""; printf "%6.2f per cycle %s\n", c / n, $0}'
