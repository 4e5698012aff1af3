#!/usr/bin/env bash
# The scale run: ManyVirtualThreads (TOTAL virtual threads, ALIVE of them alive at once, one planted race) once
# without and once with the racecheck agent, on one JDK; prints threads, wall time, peak RSS and heap after GC.
#
#   integration-tests/scale-run.sh [TOTAL [ALIVE [acceptor]]]      (default 1000000 10000)
#
# Build first: mvn -q -DskipTests package. JAVA (default: the Temurin 25 the integration tests use) must be JDK 21+;
# JVM_OPTS (say -Xmx1g) go to both runs.
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-1000000}
alive=${2:-10000}
mode=${3:-}
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
classes=integration-tests/target/test-classes
agent=agent/target/racecheck.jar
for f in "$classes/dev/racecheck/it/scale/ManyVirtualThreads.class" "$agent"; do
    [ -e "$f" ] || { echo "missing $f: build first (mvn -q -DskipTests package)" >&2; exit 2; }
done

run() { # label, extra JVM options...
    local label=$1; shift
    local out err start end status
    out=$(mktemp) err=$(mktemp)
    start=$(date +%s%N)
    status=0
    # shellcheck disable=SC2086 # JVM_OPTS and mode are lists of words
    "$java" ${JVM_OPTS:-} "$@" -cp "$classes" dev.racecheck.it.scale.ManyVirtualThreads "$total" "$alive" $mode >"$out" 2>"$err" || status=$?
    end=$(date +%s%N)
    local line races
    line=$(grep '^threads=' "$out" || echo "(no result line)")
    races=$(grep -c 'WARNING: DATA RACE' "$err" || true)
    printf '%-6s wall %6.1f s  exit %3d  races %d  %s\n' "$label" "$(awk "BEGIN { print ($end - $start) / 1e9 }")" \
        "$status" "$races" "$line"
    grep '^racecheck: threads:' "$err" | sed 's/^/         /' || true
    rm -f "$out" "$err"
}

"$java" -version 2>&1 | sed -n 1p
echo "threads $total, alive $alive${mode:+, $mode}${JVM_OPTS:+, $JVM_OPTS}"
run plain
run agent -javaagent:"$agent"=verbose=1
