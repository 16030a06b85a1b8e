#!/usr/bin/env bash
# Where a request's time goes (issue 16): a JFR CPU and allocation profile of the server while it serves Entra's
# cycle (filter by userName -> create -> PATCH active false), warm or cold, on PostgreSQL, with the peer bench's
# load client (the same requests ratio.sh measures). The server is started by ./run-server.sh, as a user starts it.
#
#   bench/profile-entra-cycle.sh warm|cold [CYCLES=3000]
# Env: JAVA (server runtime, default java), PGPORT (5432), PEER_BENCH (../shared/peer-bench), JFR_SETTINGS (profile,
#      or a .jfc file, e.g. one with a 1 ms sampling period for finer shares), WARMUP (10000 cycles,
#      warm only), OUT (bench/target/profile).
# warm: 10,000 unrecorded cycles, then the recording covers CYCLES cycles. cold: the recording starts with the JVM
# and the cycles start as soon as the server is healthy. Prints the ten hottest methods (leaf frames), the CPU
# share per library (leaf frame's package), the allocation per class, and CPU ms per request from jdk.CPULoad.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?warm or cold}; cycles=${2:-3000}
peer=${PEER_BENCH:-../shared/peer-bench}; pgport=${PGPORT:-5432}; out=${OUT:-bench/target/profile}; port=18093
JAVA=${JAVA:-java}
mkdir -p "$out"; out=$(cd "$out" && pwd)
# `jfr view` needs JDK 21+: the server's own JDK if it has it, else another JDK on the machine (JFR_TOOL to choose).
jfr_tool=${JFR_TOOL:-}
for candidate in "$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jfr" /usr/lib/jvm/*/bin/jfr; do
  [ -z "$jfr_tool" ] && [ -x "$candidate" ] && "$candidate" help view >/dev/null 2>&1 && jfr_tool=$candidate
done
[ -n "$jfr_tool" ] || { echo "profile-entra-cycle.sh: no jfr tool of JDK 21+ found (set JFR_TOOL)" >&2; exit 2; }
rec=$out/entra-cycle-$mode.jfr; rm -f "$rec"
. "$(dirname "$0")/lib-cycle.sh"
opts="-XX:FlightRecorderOptions=stackdepth=128"
[ "$mode" = cold ] && opts="$opts -XX:StartFlightRecording=settings=${JFR_SETTINGS:-profile},filename=$rec"
JAVA=$JAVA JAVA_OPTS="$opts ${JAVA_OPTS:-}" cycle_server gatehouse_profile "$port" "$out/server-$mode.log"
server=$CYCLE_SERVER; pid=$CYCLE_PID; tok=$CYCLE_TOKEN
trap 'kill $server 2>/dev/null || true' EXIT
load() { node "$peer/scim-load.mjs" --base "http://127.0.0.1:$port/scim/v2" --token "$tok" --n 0 --label "profile-$mode" "$@"; }
if [ "$mode" = warm ]; then
  load --warmup "${WARMUP:-10000}" --cycle 0 >/dev/null
  jcmd "$pid" JFR.start name=cycle settings=${JFR_SETTINGS:-profile} >/dev/null
fi
load --cycle "$cycles" | tee "$out/load-$mode.txt"
if [ "$mode" = warm ]; then jcmd "$pid" JFR.dump name=cycle filename="$rec" >/dev/null; else jcmd "$pid" JFR.dump filename="$rec" >/dev/null; fi
kill $server; wait $server 2>/dev/null || true; trap - EXIT
requests=$((cycles * 3))
echo "== recording: $rec ($requests requests in the recorded cycle phase)"
"$jfr_tool" view --width 160 hot-methods "$rec" | head -n 16 || true
"$jfr_tool" view --width 160 allocation-by-class "$rec" | head -n 14 || true
"$jfr_tool" print --json --stack-depth 128 --events jdk.ExecutionSample,jdk.CPULoad "$rec" | python3 "$(dirname "$0")/profile-summary.py" "$requests"
