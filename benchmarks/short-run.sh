#!/usr/bin/env bash
# DESIGN §7.1 short run, as a new user would measure it: ShortRun in N fresh JVMs (default 5), each
# with the fake server in the same JVM, 3 warm-up + 7 measured listings of 100k items per contender,
# contenders alternating. Prints every run and min / median / max of the ratios over the runs.
#   benchmarks/short-run.sh [runs] [ShortRun options...]     (JAVA_OPTS for JVM flags)
set -euo pipefail
cd "$(dirname "$0")"
jar=target/benchmarks.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -B -pl benchmarks -am -DskipTests package" >&2; exit 2; }
runs=${1:-5}
shift || true
mkdir -p results
out=results/short-run-$(date +%Y%m%d-%H%M%S).txt
for i in $(seq 1 "$runs"); do
  echo "--- run $i of $runs ($(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out"
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -cp "$jar" io.trackflow.benchmarks.ShortRun "$@" | tee -a "$out"
done
echo "--- summary over $runs fresh JVMs (min / median / max); full output in $out"
grep '^RESULT' "$out" | python3 -c '
import sys, statistics
rows = [dict(kv.split("=", 1) for kv in line.split()[1:]) for line in sys.stdin]
for key in rows[0]:
    try:
        v = sorted(float(r[key]) for r in rows)
    except ValueError:
        continue
    print(f"{key:>14}: {v[0]:8.3f} / {statistics.median(v):8.3f} / {v[-1]:8.3f}")
'
