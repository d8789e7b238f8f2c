#!/usr/bin/env bash
# How fast each stream contender reaches its peak: StreamBenchmark with no warm-up, 30 one-second
# iterations per fork, one fork per contender per round, rounds interleaved (load from other work on
# the machine then falls on every contender alike). Report series prints each fork's series, the
# iteration at which it is within 10 % of its peak, and the ratios per iteration.
#   benchmarks/series.sh [rounds=2] [benchmark regex]
set -euo pipefail
cd "$(dirname "$0")"
jar=target/benchmarks.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -B -pl benchmarks -am -DskipTests package" >&2; exit 2; }
rounds=${1:-2}
regex=${2:-'StreamBenchmark.(trackflowList|trackflowListSequential|rawNettyJackson|rawNettyPlainPojo)$'}
dir=results/series-$(date +%Y%m%d-%H%M%S)
mkdir -p "$dir"
for i in $(seq 1 "$rounds"); do
  echo "--- round $i of $rounds, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$dir/load.txt"
  java -jar "$jar" "$regex" -f 1 -wi 0 -i 30 -r 1 -rf json -rff "$dir/round-$i.json" > "$dir/round-$i.txt" 2>&1
done
echo "--- done, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$dir/load.txt"
java -cp "$jar" io.trackflow.benchmarks.Report series "$dir"/round-*.json | tee "$dir/summary.txt"
