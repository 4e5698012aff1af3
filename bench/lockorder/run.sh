#!/bin/bash
# Side-by-side cost of lock-order and deadlock detection on the lock-heavy macro workloads: for each workload, RUNS
# rounds; each round launches one JVM per configuration, the order rotating round by round (so slow phases of a
# shared machine fall on every configuration). A configuration is JAR or JAR=OPTIONS. Prints per run the program's
# own timing of its body (elapsed_ms), the process's wall time and its CPU time (user+sys), then the medians.
#   bench/lockorder/run.sh RUNS CSV CONFIG...
#   e.g. run.sh 5 /tmp/lo.csv /tmp/main/racecheck.jar agent/target/racecheck.jar \
#        agent/target/racecheck.jar=detect_deadlocks=0
# Each jar must be named racecheck.jar (its manifest puts itself on the boot class path by that name). Workloads
# and sizes: WORKLOADS="producerconsumer:300000 ..." (default below), 4 threads each.
set -e
BENCH_JAR=${BENCH_JAR:-$(cd "$(dirname "$0")/.." && pwd)/target/racecheck-bench.jar}
RUNS=$1; CSV=$2; shift 2
CONFIGS=("$@")
WORKLOADS=${WORKLOADS:-"producerconsumer:300000 executorfanout:200000 concurrentmap:1000000 counter:2000000"}
declare -A CLASS=([producerconsumer]=ProducerConsumer [executorfanout]=ExecutorFanOut
                  [concurrentmap]=ConcurrentMapCount [counter]=Counter)
echo "workload,config,run,elapsed_ms,wall_s,cpu_s" > "$CSV"
n=${#CONFIGS[@]}
for w in $WORKLOADS; do
  name=${w%%:*}; size=${w#*:}
  for r in $(seq "$RUNS"); do
    for k in $(seq 0 $((n - 1))); do
      c=${CONFIGS[$(((k + r) % n))]}
      jar=${c%%=*}; opts=""; [[ "$c" == *=* ]] && opts="=${c#*=}"
      out=$(/usr/bin/time -f "time %e %U %S" java -XX:+ExitOnOutOfMemoryError -javaagent:"$jar$opts" \
            -cp "$BENCH_JAR" dev.racecheck.bench.workloads.${CLASS[$name]} "$size" 4 2>&1 || true)
      ms=$(sed -n 's/.*elapsed_ms=\([0-9]*\).*/\1/p' <<< "$out" | head -1)
      { grep -q "check=ok" <<< "$out" && ! grep -q "^WARNING" <<< "$out"; } || { echo "$name $c run $r: check failed"; echo "$out" | tail -5; exit 1; }
      set -- $(grep '^time ' <<< "$out" | tail -1)
      echo "$name,$c,$r,$ms,$2,$(echo "$3 + $4" | bc)" | tee -a "$CSV"
    done
  done
done
echo
echo "medians (elapsed_ms, wall s, cpu s):"
for w in $WORKLOADS; do
  name=${w%%:*}
  for c in "${CONFIGS[@]}"; do
    med() { grep -F "$name,$c,"  "$CSV" | awk -F, -v f=$1 -v cfg="$c" '$2 == cfg {print $f}' | sort -n \
            | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
    echo "$name | $c | $(med 4) | $(med 5) | $(med 6)"
  done
done
