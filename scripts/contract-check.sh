#!/usr/bin/env bash
# Puts Stoplight Prism (../shared/tools/prism-proxy, validating against ../shared/api/*.yaml) between
# the trackflow clients and the testkit fakes, runs the tour through it (writes included), and fails
# on any contract violation other than the statuses the contract does not list (404, 422).
# Needs node/npm once (the proxy installs Prism into ~/.cache/prism). Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
proxy=../shared/tools/prism-proxy
[ -x "$proxy" ] || { echo "no $proxy" >&2; exit 2; }
./mvnw -q -B -pl examples -am -DskipTests install
./mvnw -q -B -pl testkit dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/cp.txt
logs=$(mktemp -d)
java -cp "$(cat testkit/target/cp.txt):testkit/target/classes" io.trackflow.testkit.FakeServers 18081 18082 1000 > "$logs/fakes.log" 2>&1 &
pids=$!
"$proxy" beyondwords http://127.0.0.1:18081/v1 4010 > "$logs/bw.log" 2>&1 & pids="$pids $!"
"$proxy" beatpass http://127.0.0.1:18082/api/v1 4011 > "$logs/bp.log" 2>&1 & pids="$pids $!"
trap 'kill $pids 2>/dev/null || true' EXIT
for i in $(seq 1 60); do
  grep -q "listening" "$logs/bw.log" 2>/dev/null && grep -q "listening" "$logs/bp.log" 2>/dev/null && break
  sleep 1
done
BEYONDWORDS_API_KEY=test-api-key BEYONDWORDS_BASE_URL=http://127.0.0.1:4010 \
BEATPASS_TOKEN=test-token BEATPASS_BASE_URL=http://127.0.0.1:4011 \
  ./mvnw -q -B -o -Ptour -pl examples -DskipTests verify -Dtour.args=--write
echo "requests validated: BeyondWords $(grep -c 'Request received' "$logs/bw.log"), BeatPass $(grep -c 'Request received' "$logs/bp.log")"
violations=$(grep -h "Violation" "$logs/bw.log" "$logs/bp.log" | grep -v "Unable to match the returned status code" || true)
if [ -n "$violations" ]; then
  echo "contract violations:" >&2
  echo "$violations" >&2
  exit 1
fi
echo "no contract violation (undocumented statuses seen: $(grep -h 'Unable to match the returned status code' "$logs/bw.log" "$logs/bp.log" | wc -l))"
