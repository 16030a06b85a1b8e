#!/usr/bin/env bash
# Runs every test: unit tests of the protocol cores, then the HTTP/database tests on H2 and on PostgreSQL, and the
# browser tests. Needs Java 17+ and Maven; brings the rest (README "The two commands"):
# - PostgreSQL: the tests start their own (a Maven artifact) unless GATEHOUSE_TEST_PG_URL names a server.
# - Chromium and chromedriver for the browser tests: installed with apt-get when missing, as root or with
#   passwordless sudo; otherwise this stops before Maven with the command to run.
set -euo pipefail
cd "$(dirname "$0")"

# Where the browser tests look for them (console.HeadlessChromium reads the same variables).
chromium=${GATEHOUSE_TEST_CHROMIUM:-/usr/bin/chromium}
chromedriver=${GATEHOUSE_TEST_CHROMEDRIVER:-/usr/bin/chromedriver}
browsers_present() { [ -x "$chromium" ] && [ -x "$chromedriver" ]; }

if ! browsers_present; then
  if [ -n "${GATEHOUSE_TEST_CHROMIUM:-}${GATEHOUSE_TEST_CHROMEDRIVER:-}" ]; then
    echo "test.sh: GATEHOUSE_TEST_CHROMIUM / GATEHOUSE_TEST_CHROMEDRIVER must name executables:" \
         "$chromium, $chromedriver" >&2
    exit 1
  fi
  if ! command -v apt-get >/dev/null; then
    echo "test.sh: the browser tests need Chromium and a matching chromedriver. Install them, and set" \
         "GATEHOUSE_TEST_CHROMIUM and GATEHOUSE_TEST_CHROMEDRIVER to their paths unless they are $chromium" \
         "and $chromedriver." >&2
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "test.sh: the browser tests need Chromium and chromedriver. Install them, then run ./test.sh again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y chromium chromium-driver" >&2
    exit 1
  fi
  echo "test.sh: installing chromium and chromium-driver for the browser tests (apt-get)"
  "${as_root[@]+"${as_root[@]}"}" apt-get update -qq
  "${as_root[@]+"${as_root[@]}"}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  browsers_present || { echo "test.sh: still no $chromium and $chromedriver after apt-get" >&2; exit 1; }
fi

# clean: failsafe merges into an existing summary file, so stale results must not survive between runs.
exec mvn -B -ntp clean verify "$@"
