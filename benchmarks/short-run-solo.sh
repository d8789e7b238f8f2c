#!/usr/bin/env bash
# The short run with every contender alone in its JVM: ShortRun --contenders X, one fresh JVM per
# contender and round, contenders interleaved (the order rotates from round to round). Nothing else
# in the JVM warms a contender's code, as for a job that lists once. Prints each JVM's median listing
# time, then per contender min / median / max over the rounds, and the ratio of medians to the
# first contender (a throughput ratio: above 1, faster than it).
#   benchmarks/short-run-solo.sh [rounds] [contender...]   (default: 7 pojo list; JAVA_OPTS for JVM flags,
#   SHORT_RUN_ARGS for more ShortRun options, e.g. "--server http://127.0.0.1:18080/v1 --key test-api-key"
#   to list from a PageServer in its own JVM instead of the in-process fake)
set -euo pipefail
cd "$(dirname "$0")"
jar=target/benchmarks.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -B -pl benchmarks -am -DskipTests package" >&2; exit 2; }
rounds=${1:-7}
shift || true
contenders=("$@")
[ ${#contenders[@]} -gt 0 ] || contenders=(pojo list)
mkdir -p results
out=results/short-run-solo-$(date +%Y%m%d-%H%M%S).txt
n=${#contenders[@]}
for r in $(seq 1 "$rounds"); do
  for k in $(seq 0 $((n - 1))); do
    c=${contenders[$(((k + r) % n))]}
    # shellcheck disable=SC2086
    line=$(java ${JAVA_OPTS:-} -cp "$jar" io.trackflow.benchmarks.ShortRun ${SHORT_RUN_ARGS:-} --contenders "$c" | grep '^RESULT')
    echo "round $r $c $line" | tee -a "$out"
  done
done
echo "--- over $rounds rounds (min / median / max of each JVM's median listing); full output in $out"
python3 - "$out" "${contenders[0]}" <<'PY'
import sys, statistics
rows = {}
for line in open(sys.argv[1]):
    parts = line.split()
    c = parts[2]
    kv = dict(p.split("=", 1) for p in parts[4:])
    rows.setdefault(c, []).append((float(kv[c + "_ms"]), float(kv[c + "_cpu"])))
base = statistics.median(t for t, _ in rows[sys.argv[2]])
base_cpu = statistics.median(c for _, c in rows[sys.argv[2]])
for c, v in rows.items():
    t = sorted(x for x, _ in v)
    cpu = statistics.median(y for _, y in v)
    med = statistics.median(t)
    print(f"{c:>12}: {t[0]:7.1f} / {med:7.1f} / {t[-1]:7.1f} ms; throughput {c} / {sys.argv[2]} = {base / med:.2f} (by CPU time {base_cpu / cpu:.2f})")
PY
