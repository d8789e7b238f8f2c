#!/usr/bin/env bash
# Issue 25 / DESIGN §7: time to the first item in a fresh JVM. A PageServer in its own JVM; then, per
# round, one fresh JVM per contender (interleaved, so that load falls on all alike), timed from outside
# (/usr/bin/time: wall, user+sys CPU) and from inside (FirstItem prints build_ms and first_ms).
#   benchmarks/first-item.sh [rounds=9] [contenders="raw trackflow trackflow-warm"] [timeoutMs]
set -euo pipefail
cd "$(dirname "$0")"
jar=target/benchmarks.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -B -pl benchmarks -am -DskipTests package" >&2; exit 2; }
rounds=${1:-9}
contenders=${2:-"raw trackflow trackflow-warm"}
timeout=${3:-}
dir=results/first-item-$(date +%Y%m%d-%H%M%S)
mkdir -p "$dir"
java -cp "$jar" io.trackflow.benchmarks.PageServer 0 1000 100 > "$dir/server.txt" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q '^BASE' "$dir/server.txt" && break; sleep 0.1; done
base=$(awk '/^BASE/{print $2}' "$dir/server.txt")
key=$(awk '/^BASE/{print $4}' "$dir/server.txt")
for i in $(seq 1 "$rounds"); do
  for c in $contenders; do
    /usr/bin/time -f "time wall=%e user=%U sys=%S" -o "$dir/time.tmp" \
      java -cp "$jar" io.trackflow.benchmarks.FirstItem "$c" "$base" "$key" $timeout > "$dir/out.tmp" 2>&1 || true
    echo "$i $(tail -1 "$dir/out.tmp") $(tail -1 "$dir/time.tmp")" | tee -a "$dir/runs.txt"
  done
done
python3 - "$dir/runs.txt" <<'PY' | tee "$dir/summary.txt"
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.search(r'^\d+ (\S+) build_ms=(\d+) first_ms=(\d+) (.*?) time wall=([\d.]+) user=([\d.]+) sys=([\d.]+)', line)
    if not m:
        continue
    c = m.group(1)
    r = rows.setdefault(c, {'wall': [], 'cpu': [], 'first': [], 'failed': 0})
    r['wall'].append(float(m.group(5))); r['cpu'].append(float(m.group(6)) + float(m.group(7)))
    r['first'].append(int(m.group(3))); r['failed'] += m.group(4).startswith('FAILED')
base = rows.get('raw')
for c, r in rows.items():
    def f(k):
        v = r[k]; s = f"{statistics.median(v):.3f} ({min(v):.3f}-{max(v):.3f})"
        if base and c != 'raw':
            s += f" = {statistics.median(v) / statistics.median(base[k]):.2f} x raw"
        return s
    print(f"{c:15s} n={len(r['wall'])} failed={r['failed']}  wall s {f('wall')}  cpu s {f('cpu')}  first_ms {f('first')}")
PY
