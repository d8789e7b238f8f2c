#!/usr/bin/env bash
# DESIGN §7.4: streams 1,000,000 tracks with -Xmx64m in the client JVM; the server (a synthetic
# FakeBeyondWords, nothing stored) runs in another JVM so that it does not share the 64 MiB.
set -euo pipefail
cd "$(dirname "$0")"
jar=target/benchmarks.jar
n=${1:-1000000}
port=${PORT:-18091}
java -Xmx512m -cp "$jar" io.trackflow.testkit.FakeServers "$port" 0 "$n" synthetic > target/memory-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for i in $(seq 1 30); do grep -q BeyondWords target/memory-server.log 2>/dev/null && break; sleep 1; done
java -Xmx64m -cp "$jar" io.trackflow.benchmarks.MemoryCheck "http://127.0.0.1:$port/v1" test-api-key "$n" 8
