#!/bin/bash
# Side-by-side hot-path cost of array element accesses (ArrayLoop), JMH-free: for each kernel, RUNS JVMs per jar,
# interleaved (plain, then each jar in turn), each printing the median of 7 timed repetitions (thread CPU time, as
# the machine is shared); then the median over the runs.
#   bench/hotpath/run.sh RUNS JAR...        e.g. run.sh 5 /tmp/before/racecheck.jar agent/target/racecheck.jar
# Each jar must be named racecheck.jar (its manifest puts itself on the boot class path by that name).
set -e
cd "$(dirname "$0")"
RUNS=$1; shift
JARS=("$@")
OUT=$(mktemp -d)
javac --release 17 -d "$OUT" ArrayLoop.java
for k in "sor 1000000 400" "one 1000000 400" "sor 1 200" "one 1 200"; do
  set -- $k
  for r in $(seq "$RUNS"); do
    java -cp "$OUT" ArrayLoop $1 $2 $3 1 7 | sed 's/.*median \([0-9.]*\).*/\1/' >> "$OUT/plain.$1.$2"
    i=0
    for jar in "${JARS[@]}"; do
      i=$((i + 1))
      java -javaagent:"$jar" -cp "$OUT" ArrayLoop $1 $2 $3 1 7 | sed 's/.*median \([0-9.]*\).*/\1/' >> "$OUT/jar$i.$1.$2"
    done
  done
  for f in "$OUT"/plain.$1.$2 "$OUT"/jar*.$1.$2; do
    echo "$1 every=$2 $(basename "$f" | cut -d. -f1): $(tr '\n' ' ' < "$f") median=$(sort -n "$f" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ns/access"
  done
done
