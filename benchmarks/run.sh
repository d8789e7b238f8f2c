#!/usr/bin/env bash
# Runs every DESIGN §7 benchmark in one go and writes JSON results next to this script.
#   benchmarks/run.sh            (after ./mvnw -q -B -pl benchmarks -am -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")"
jar=target/benchmarks.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -B -pl benchmarks -am -DskipTests package" >&2; exit 2; }
mkdir -p results
java -jar "$jar" 'StreamBenchmark' -f 2 -wi 3 -w 2 -i 6 -r 3 -rf json -rff results/stream.json | tee results/stream.txt
java -jar "$jar" 'StreamBenchmark.(trackflowList|rawNettyJackson|jacksonOnly|jacksonOnlyTrackflowModel)$' -f 1 -wi 2 -w 2 -i 3 -r 3 -prof gc -rf json -rff results/stream-gc.json | tee results/stream-gc.txt
java -jar "$jar" 'LatencyPagingBenchmark' -rf json -rff results/latency.json | tee results/latency.txt
java -jar "$jar" 'LookupBenchmark' -rf json -rff results/lookup.json | tee results/lookup.txt
./memory-check.sh | tee results/memory.txt
./short-run.sh 5 | tee results/short-run.txt     # the short run in fresh JVMs (DESIGN §7.1)
./warmup.sh 6                                    # first listing / first ten in fresh JVMs
./series.sh 2                                    # time to peak
