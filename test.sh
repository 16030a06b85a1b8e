#!/usr/bin/env bash
# Runs every test: unit tests of the protocol cores, then the HTTP/database tests on H2 and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"
# clean: failsafe merges into an existing summary file, so stale results must not survive between runs.
exec mvn -B -ntp clean verify "$@"
