#!/usr/bin/env bash
# Lookup latency with a large directory (issue #5: userName / externalId filter p99 <= 5 ms at 1,000,000 users):
# a fresh Gatehouse on a fresh PostgreSQL database, one user created through SCIM and copied in SQL to <users>,
# VACUUM ANALYZE, then one client sending unmeasured warm-up lookups and then userName and externalId lookups of
# random users, alternating (io.gatehouse.bench.scim.LookupLatencyBench). Everything else as in
# bench/run-entra-sync.sh, which it runs.
#
#   bench/run-lookups.sh [users]             # default 1000000: ~2 min of seeding, ~1 GB of database
#
# Environment: PROBE_LOOKUPS (2000 of each kind), LOOKUP_WARMUP (40000: a server that has served only a few
# thousand requests is still warming up, its JIT compiling; see BENCHMARKS.md), SEED, and the knobs of
# bench/run-entra-sync.sh (SERVER_JAVA, SERVER_JAVA_OPTS, SKIP_BUILD, PORT, PGHOST_PORT, JSON_OUT).
# Output: the table on standard out; bench/target/lookups-postgres-<users>u-… .json and …-server.json.
set -euo pipefail
export SCENARIO=lookups
export BENCH_TIMEOUT=${BENCH_TIMEOUT:-3600}
export LOOKUP_WARMUP=${LOOKUP_WARMUP:-40000}
exec "$(dirname "$0")/run-entra-sync.sh" postgres "${1:-1000000}" 0 1
