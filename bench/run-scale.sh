#!/usr/bin/env bash
# The scale scenario (initial sync of a large tenant, an incremental cycle, probes) against a freshly
# started Gatehouse on a fresh database; everything else as in bench/run-entra-sync.sh, which it runs.
#
#   bench/run-scale.sh [h2|postgres] [users] [groups] [concurrency]
#   bench/run-scale.sh postgres 100000 1000 8                  # the full scenario (default sizes)
#   GROUP_SIZE=20 LARGE_GROUPS=3 LARGE_GROUP_SIZE=500 HUGE_GROUP_SIZE=2500 \
#     bench/run-scale.sh h2 5000 50 8                          # scaled down
#
# Environment: GROUP_SIZE (100), LARGE_GROUPS (5), LARGE_GROUP_SIZE (10000), HUGE_GROUP_SIZE (50000),
# PROBE_REPEATS (5), PROBE_ADD_MEMBERS (1000), PROBE_LOOKUPS (200), BENCH_TIMEOUT (default here
# 14400 s), and all knobs of bench/run-entra-sync.sh (PORT, SEED, WARMUP_USERS, SERVER_JAVA,
# SERVER_JAVA_OPTS, JSON_OUT, MVN_FLAGS, SKIP_BUILD, PGHOST_PORT, MEMBERS_PER_PATCH).
# Output: bench/target/scale-<db>-<users>u-<groups>g-c<n>.json and …-server.json (peak RSS, DB size).
set -euo pipefail
export SCENARIO=scale
export BENCH_TIMEOUT=${BENCH_TIMEOUT:-14400}
exec "$(dirname "$0")/run-entra-sync.sh" "${1:-postgres}" "${2:-100000}" "${3:-1000}" "${4:-8}"
