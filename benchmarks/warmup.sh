#!/usr/bin/env bash
# DESIGN §7.1 warm-up: WarmupBenchmark's four contenders, one fresh JVM (fork) each per round, the
# rounds interleaved so that load from other work on the machine falls on every contender alike.
#   benchmarks/warmup.sh [rounds=10]
set -euo pipefail
cd "$(dirname "$0")"
jar=target/benchmarks.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -B -pl benchmarks -am -DskipTests package" >&2; exit 2; }
rounds=${1:-10}
dir=results/warmup-$(date +%Y%m%d-%H%M%S)
mkdir -p "$dir"
for i in $(seq 1 "$rounds"); do
  echo "--- round $i of $rounds, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$dir/load.txt"
  java -jar "$jar" WarmupBenchmark -f 1 -rf json -rff "$dir/round-$i.json" > "$dir/round-$i.txt" 2>&1
done
echo "--- done, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$dir/load.txt"
java -cp "$jar" io.trackflow.benchmarks.Report warmup "$dir"/round-*.json | tee "$dir/summary.txt"
