#!/usr/bin/env bash
# A/B runs of the Entra-shaped sync (bench/run-entra-sync.sh, PostgreSQL, 10,000 users, 100 groups, 8 clients,
# Java 25 server, 20,000 warm-up users), interleaved so that a machine that changes speed during the session
# affects every variant alike, with the CPU each process spends per request. On a shared 2-core machine the
# requests/s of one run wander by ±20 %; CPU milliseconds per request of the server are steadier.
#
#   bench/ab-entra-sync.sh REPEATS "label|server jar|extra JVM options|classes before the bench's" ...
#   bench/ab-entra-sync.sh 2 "main|/tmp/main.jar|" "branch|app/target/gatehouse.jar|"
#   bench/ab-entra-sync.sh 2 "platform-threads|app/target/gatehouse.jar|-Dspring.threads.virtual.enabled=false"
#
# Each run prints one line: a machine-speed gauge (one-thread SAML validations per second, io.gatehouse.bench.saml
# .SamlValidationBenchmark, 20,000 validations), the run's req/s, p50/p99 and errors, then the CPU milliseconds per
# request of the server, the load generator and PostgreSQL's backends over a window of WINDOW s (default 40) that
# starts DELAY s (default 40) after the server was launched, with the request count of the window taken from the
# server's own http_server_requests counters; and the server's peak RSS.
# Environment: WINDOW, DELAY, BASE_OPTS (default ./jvm.options, to which each variant's options are appended).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
REPEATS=${1:?usage: bench/ab-entra-sync.sh REPEATS \"label|jar|options|classes\" ...}
shift
(( $# > 0 )) || { echo "give at least one variant" >&2; exit 2; }
BASE_OPTS=${BASE_OPTS-$(grep -Ev '^[[:space:]]*(#|$)' jvm.options | tr '\n' ' ')}
PORT=${PORT:-18080}
export PORT

bench/classpath.sh # the gauge below runs before run-entra-sync.sh would write it

ticks() { # CPU ticks (user + system) of the processes whose command line contains $1
  local total=0 p f
  for p in $(pgrep -f -- "$1" || true); do
    [[ -r /proc/$p/stat ]] || continue
    read -r -a f < <(sed 's/^.*) //' "/proc/$p/stat") || continue
    total=$(( total + f[11] + f[12] ))
  done
  echo "$total"
}
served() { curl -s --max-time 5 "http://127.0.0.1:$PORT/actuator/prometheus" \
             | awk '/^http_server_requests_seconds_count/ {s += $NF} END {printf "%d", s}'; }

gauge() {
  java -cp "bench/target/classes:saml-core/target/classes:$(cat bench/target/runtime-classpath.txt)" \
    io.gatehouse.bench.saml.SamlValidationBenchmark 20000 2>&1 | tail -1 | awk '{print $5}'
}

for run in $(seq 1 "$REPEATS"); do
  for variant in "$@"; do
    IFS='|' read -r label jar options classes <<<"$variant"
    [[ -f $jar ]] || { echo "no such jar: $jar" >&2; exit 2; }
    speed=$(gauge)
    out=$(mktemp)
    SERVER_JAR=$(realpath "$jar") SERVER_JAVA_OPTS="$BASE_OPTS $options" BENCH_CLASSPATH_PREPEND=$classes \
      SKIP_BUILD=1 SERVER_JAVA=${SERVER_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java} WARMUP_USERS=20000 \
      bench/run-entra-sync.sh postgres 10000 100 8 >"$out" 2>&1 &
    bench_pid=$!
    sleep "${DELAY:-40}"
    server_pattern="-jar $(realpath "$jar") --server.port=$PORT"
    r0=$(served); s0=$(ticks "$server_pattern"); c0=$(ticks EntraSyncBench); p0=$(ticks 'postgres: ')
    sleep "${WINDOW:-40}"
    r1=$(served); s1=$(ticks "$server_pattern"); c1=$(ticks EntraSyncBench); p1=$(ticks 'postgres: ')
    wait "$bench_pid" || true
    tick_ms=$(( 1000 / $(getconf CLK_TCK) ))
    awk -v label="$label" -v run="$run" -v speed="$speed" -v n=$(( r1 - r0 )) -v ms="$tick_ms" \
        -v s=$(( s1 - s0 )) -v c=$(( c1 - c0 )) -v p=$(( p1 - p0 )) \
        -v overall="$(grep '^overall' "$out" | awk '{print $3, $4, $6, $8}')" \
        -v rss="$(grep -o 'VmHWM): [0-9]* MiB' "$out" | head -1 | awk '{print $2}')" '
      BEGIN {
        split(overall, o, " ")
        if (n <= 0) { printf "%s run %d: no requests in the window (see bench/target/entra-sync-postgres-server.log)\n", label, run; exit }
        printf "%s run %d: gauge %s/s  req/s %s  p50 %s ms  p99 %s ms  errors %s  |  CPU ms/request: server %.3f  client %.3f  postgres %.3f  (%d requests in window)  peak RSS %s MiB\n",
               label, run, speed, o[1], o[2], o[3], o[4], s * ms / n, c * ms / n, p * ms / n, n, rss
      }'
    rm -f "$out"
  done
done
