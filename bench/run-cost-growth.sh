#!/usr/bin/env bash
# How cost grows with the size of the directory: the scale scenario (bench/run-scale.sh) at several sizes, each on
# a fresh server and a fresh database, then one table (bench/target/cost-growth/table.md) with totals, p50/p99
# per request type, errors, peak RSS and database size side by side.
#
#   bench/run-cost-growth.sh                         # the full series: postgres:10000 postgres:100000
#                                                    #   postgres:1000000 h2:10000 h2:100000
#   bench/run-cost-growth.sh postgres:10000 h2:10000 # any list of <h2|postgres>:<users>
#
# Group sizes per run (documented in bench/README.md, "Cost growth"): groups = users / 100; one huge group of
# min(50,000, users / 2) members, 5 large groups of min(10,000, users / 10), the others about 100 (80..120). So
# from 100,000 users up the big groups keep the sizes of issue #5 and only the number of users, groups and
# memberships grows; the per-request cost of the probes then shows what the size of the tables costs.
#
# Environment: WARMUP_USERS (5000, at most users / 2), SERVER_JAVA (default: the newest of
# /usr/lib/jvm/temurin-25-jdk-amd64/bin/java or java), SERVER_JAVA_OPTS (default: ./jvm.options), SKIP_BUILD,
# MVN_FLAGS, PORT, SEED, CONCURRENCY (8), OUT_DIR (bench/target/cost-growth). A run that fails (errors or setup)
# is reported and the series goes on; the exit code is 1 if any run failed.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT_DIR=${OUT_DIR:-$ROOT/bench/target/cost-growth}
CONCURRENCY=${CONCURRENCY:-8}
if [[ -z ${SERVER_JAVA:-} && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export SERVER_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
fi
RUNS=("$@")
(( ${#RUNS[@]} > 0 )) || RUNS=(postgres:10000 postgres:100000 postgres:1000000 h2:10000 h2:100000)

log() { echo "[run-cost-growth] $*" >&2; }
for run in "${RUNS[@]}"; do
  [[ $run =~ ^(h2|postgres):[0-9]+$ ]] || { log "not <h2|postgres>:<users>: $run"; exit 2; }
done
mkdir -p "$OUT_DIR"

failed=0
files=()
built=${SKIP_BUILD:-0}
for run in "${RUNS[@]}"; do
  db=${run%%:*}
  users=${run##*:}
  groups=$(( users / 100 > 0 ? users / 100 : 1 ))
  huge=$(( users / 2 < 50000 ? users / 2 : 50000 ))
  large=$(( users / 10 < 10000 ? users / 10 : 10000 ))
  warmup=${WARMUP_USERS:-5000}
  (( warmup > users / 2 )) && warmup=$(( users / 2 ))
  json=$OUT_DIR/scale-$db-${users}u.json
  log "$db, $users users, $groups groups (1 x $huge, 5 x $large, others ~100), warm-up $warmup users -> $json"
  started=$SECONDS
  if SKIP_BUILD=$built JSON_OUT=$json WARMUP_USERS=$warmup GROUP_SIZE=100 LARGE_GROUPS=5 \
      LARGE_GROUP_SIZE=$large HUGE_GROUP_SIZE=$huge "$ROOT/bench/run-scale.sh" "$db" "$users" "$groups" "$CONCURRENCY" \
      >"$OUT_DIR/scale-$db-${users}u.log" 2>&1; then
    log "  done in $((SECONDS - started)) s"
  else
    log "  FAILED (exit $?) after $((SECONDS - started)) s; see $OUT_DIR/scale-$db-${users}u.log"
    failed=1
  fi
  built=1 # the first run built what was needed
  [[ -f $json ]] && files+=("$json")
done

if (( ${#files[@]} > 0 )); then
  java -cp "$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/runtime-classpath.txt")" \
    io.gatehouse.bench.scim.CostGrowthTable "${files[@]}" >"$OUT_DIR/table.md"
  cat "$OUT_DIR/table.md"
  log "table written to $OUT_DIR/table.md"
fi
exit "$failed"
