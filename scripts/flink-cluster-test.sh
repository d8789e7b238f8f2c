#!/usr/bin/env bash
# Real-cluster test of trackflow-flink (run by .ci/run; docs/flink.md explains every step):
# a Flink session cluster from Maven artifacts, as separate JVM processes (a JobManager and two TaskManagers),
# filesystem checkpoints under flink/target/flink-cluster/, and the example jobs submitted as a fat jar through
# Flink's CLI and REST API:
#   1. export: 20,000 background tracks from a faulty, rate-limited FakeBeyondWords at parallelism 4, written
#      with FileSink; one TaskManager is killed (SIGKILL, by pid) mid-job and a replacement started; the
#      committed files must hold every id exactly once;
#   2. continuous: the export job re-listing every second; tracks added while it runs must arrive;
#   3. enrich, beside job 2: BeatPass lookups of 300 ids (and 5 unknown ones) with TrackLookupFunction, every
#      id once.
#
#   scripts/flink-cluster-test.sh               # the cluster runs the project's Flink version
#   FLINK_CLUSTER_VERSION=2.3.0 scripts/flink-cluster-test.sh   # the same job jar on another Flink
#
# Needs a JDK 17+, Maven Central (or a filled ~/.m2), curl and jq. Cleans up every process it started, by pid,
# whatever happens. Exit 0 only when every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/flink/target/flink-cluster
started=$SECONDS
pids=()

log() { printf '[cluster +%3ds] %s\n' "$((SECONDS - started))" "$*"; }

cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    local alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

fail() {
  log "FAILED: $*"
  local f
  for f in "$work"/logs/*.log; do
    [ -f "$f" ] || continue
    echo "---- last lines of ${f#"$root"/} ----"
    tail -25 "$f"
  done
  exit 1
}

# wait_for <what> <seconds> <command...>: until the command succeeds
wait_for() {
  local what=$1 limit=$2
  shift 2
  local until=$((SECONDS + limit))
  until "$@"; do
    [ "$SECONDS" -lt "$until" ] || fail "timed out after ${limit}s waiting for $what"
    sleep 0.5
  done
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

for tool in java curl jq python3; do
  command -v "$tool" >/dev/null || fail "$tool is needed"
done
rm -rf "$work"
mkdir -p "$work"/{conf,logs,out,tmp,checkpoints}

# --- 1. the job jar (the example jobs + trackflow + Reactor, Netty, Jackson; Flink left out) and the class
#        path of the fake servers' process
if [ -n "${SKIP_BUILD:-}" ] && ls "$root"/flink/target/trackflow-flink-*-cluster-job.jar > /dev/null 2>&1; then
  log "SKIP_BUILD: using the job jar and class path already built"
else
  log "building the job jar (profile cluster-job) and the fakes' class path"
  ./mvnw -B -ntp -q -Pcluster-job -pl core,beyondwords,beatpass,testkit,flink -DskipTests \
    package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath \
    > "$work/logs/build.log" 2>&1 || fail "build failed (flink/target/flink-cluster/logs/build.log)"
fi
jar=$(ls "$root"/flink/target/trackflow-flink-*-cluster-job.jar)

# --- 2. the fake servers, in a process of their own (started first: they take a while)
fakes_cp="$root/flink/target/test-classes:$root/flink/target/classes:$(cat "$root/flink/target/test.classpath")"
java -Xmx512m -cp "$fakes_cp" io.trackflow.flink.example.ClusterFakes "$work" 20000 500 40 60 0.05 \
  > "$work/logs/fakes.log" 2>&1 &
pids+=($!)
# --- 3. the cluster's class path: Flink from Maven artifacts (scripts/flink-cluster/pom.xml)
version_arg=()
[ -n "${FLINK_CLUSTER_VERSION:-}" ] && version_arg=("-Dflink.version=$FLINK_CLUSTER_VERSION")
./mvnw -B -ntp -q -f scripts/flink-cluster/pom.xml dependency:build-classpath "${version_arg[@]}" \
  -Dmdep.outputFile="$work/cluster.classpath" > "$work/logs/classpath.log" 2>&1 ||
  fail "could not resolve the cluster's class path"
cp=$(cat "$work/cluster.classpath")
flink_version=$(tr ':' '\n' < "$work/cluster.classpath" | sed -n 's#.*/flink-runtime/\([^/]*\)/.*#\1#p' | head -1)
jars=$(tr ':' '\n' < "$work/cluster.classpath" | wc -l)
log "job jar: ${jar#"$root"/} ($(du -h "$jar" | cut -f1)); cluster: Flink $flink_version, $jars jars"

wait_for "the fake servers" 60 test -f "$work/fakes.env"
# shellcheck disable=SC1091
set -a; . "$work/fakes.env"; set +a
fake_stat() { sed -n "s/^$1=//p" "$work/fakes.stats"; }

# --- 4. the cluster: configuration, JobManager, two TaskManagers
rpc_port=$(free_port)
rest_port=$(free_port)
rest="http://localhost:$rest_port"
cat > "$work/conf/config.yaml" <<EOF
jobmanager.rpc.address: localhost
jobmanager.rpc.port: $rpc_port
jobmanager.bind-host: localhost
jobmanager.memory.process.size: 1024m
taskmanager.bind-host: localhost
taskmanager.host: localhost
taskmanager.memory.process.size: 1280m
taskmanager.numberOfTaskSlots: 2
parallelism.default: 4
rest.address: localhost
rest.bind-address: localhost
rest.port: $rest_port
execution.checkpointing.dir: file://$work/checkpoints
restart-strategy.type: fixed-delay
restart-strategy.fixed-delay.attempts: 10
restart-strategy.fixed-delay.delay: 1 s
heartbeat.interval: 1000
heartbeat.timeout: 6000
io.tmp.dirs: $work/tmp
EOF
cat > "$work/conf/log4j.properties" <<'EOF'
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = MainAppender
appender.main.name = MainAppender
appender.main.type = File
appender.main.append = true
appender.main.fileName = ${sys:log.file}
appender.main.layout.type = PatternLayout
appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n
logger.netty.name = org.apache.flink.shaded.netty4
logger.netty.level = WARN
EOF
# the JobManager's heap within its process size (bin/jobmanager.sh computes the same order); the TaskManagers get
# theirs, and the resource settings TaskManagerRunner requires, from BashJavaUtils, as bin/taskmanager.sh does
jm_jvm="-Xms512m -Xmx512m -XX:MaxMetaspaceSize=256m"
# the options Flink's own config.yaml passes to every JVM on Java 17 (env.java.default-opts.all)
java_opts="--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
 --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
 --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
 --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
 --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED
 --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"
logging() { echo "$java_opts -Dlog.file=$work/logs/$1.log -Dlog4j.configurationFile=file:$work/conf/log4j.properties"; }

# shellcheck disable=SC2046,SC2086
java $jm_jvm $(logging jobmanager) -cp "$cp" \
  org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint --configDir "$work/conf" \
  > "$work/logs/jobmanager.out" 2>&1 &
pids+=($!)
jm_pid=$!
mapfile -t tm_params < <(java -cp "$cp" org.apache.flink.runtime.util.bash.BashJavaUtils GET_TM_RESOURCE_PARAMS \
  --configDir "$work/conf" 2>/dev/null | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p')
[ "${#tm_params[@]}" -ge 2 ] || fail "could not compute the TaskManagers' memory settings (BashJavaUtils)"
declare -A tm_pid
start_tm() { # name
  # shellcheck disable=SC2046,SC2086
  java ${tm_params[0]} $(logging "$1") -cp "$cp" org.apache.flink.runtime.taskexecutor.TaskManagerRunner \
    --configDir "$work/conf" -D "taskmanager.resource-id=$1" ${tm_params[1]} > "$work/logs/$1.out" 2>&1 &
  pids+=($!)
  tm_pid[$1]=$!
  disown $! # no "Killed" line from bash when the test kills it
}
start_tm tm-1
start_tm tm-2
overview() { curl -sf "$rest/overview" 2>/dev/null; }
tms_registered() { [ "$(overview | jq -r '.taskmanagers // 0' || echo 0)" -ge "$1" ] 2>/dev/null; }
wait_for "the JobManager and 2 TaskManagers" 90 tms_registered 2
log "cluster up: JobManager pid $jm_pid (REST $rest), TaskManagers tm-1 pid ${tm_pid[tm-1]}," \
  "tm-2 pid ${tm_pid[tm-2]}, $(overview | jq -r '."slots-total"') slots"

# --- submitting jobs: Flink's CLI (`flink run -d`), which uploads the jar through the REST API
submit() { # log name, then the CLI's arguments
  local name=$1
  shift
  FLINK_CONF_DIR=$work/conf java -Xmx256m $(logging "cli-$name") -cp "$cp" org.apache.flink.client.cli.CliFrontend \
    run -d "$@" > "$work/logs/cli-$name.out" 2>&1 ||
    { tail -20 "$work/logs/cli-$name.out" >&2; fail "could not submit $name" >&2; }
  sed -n 's/.*submitted with JobID \([0-9a-f]*\).*/\1/p' "$work/logs/cli-$name.out" | head -1
}
state() { curl -sf "$rest/jobs/$1" | jq -r .state; }
completed_checkpoints() { curl -sf "$rest/jobs/$1/checkpoints" | jq -r '.counts.completed // 0'; }
is_state() { [ "$(state "$1")" = "$2" ]; }
finished() { # job id: true when FINISHED, fails the test when FAILED or CANCELED
  local s
  s=$(state "$1")
  case "$s" in
    FINISHED) return 0 ;;
    FAILED | CANCELED)
      fail "job $1 ended $s: $(curl -sf "$rest/jobs/$1/exceptions" | jq -r '.["root-exception"]' | head -5)" ;;
    *) return 1 ;;
  esac
}
committed() { # dir: the committed lines (part files; in-progress files are hidden, .part-*)
  find "$1" -type f -name 'part-*' -exec cat {} + 2>/dev/null || true
}
check_exactly_once() { # dir first last: every id of [first, last] exactly once, nothing else
  local ids="$work/ids-$(basename "$1").txt"
  committed "$1" | cut -f1 | sort -n > "$ids"
  local total distinct dups missing
  total=$(wc -l < "$ids")
  distinct=$(uniq < "$ids" | wc -l)
  dups=$(uniq -d < "$ids" | wc -l)
  missing=$(comm -23 <(seq "$2" "$3" | sort) <(uniq < "$ids" | sort) | wc -l)
  log "committed in ${1#"$work"/}: $total ids, $distinct distinct, duplicates $dups, missing $missing"
  [ "$total" = "$(($3 - $2 + 1))" ] && [ "$dups" = 0 ] && [ "$missing" = 0 ] || fail "not exactly once: see $ids"
}

# --- 5. job 1: the bounded export, with a TaskManager killed mid-job
out1=$work/out/export
job1=$(submit export -p 4 -c io.trackflow.flink.example.ExportTracksJob "$jar" \
  --base-url "$BULK_URL" --output "file://$out1" --rate 40 --split-size 1000 --name "export 20k tracks")
[ -n "$job1" ] || fail "no job id from the CLI (logs/cli-export.out)"
log "job 1 (export, parallelism 4, source budget 40 requests/s) submitted: $job1"
midway() {
  is_state "$job1" RUNNING && [ "$(completed_checkpoints "$job1")" -ge 2 ] && [ "$(fake_stat BULK_REQUESTS)" -ge 100 ]
}
wait_for "job 1 to be under way" 120 midway
victim=${tm_pid[tm-1]}
log "job 1 midway: $(completed_checkpoints "$job1") checkpoints completed, $(fake_stat BULK_REQUESTS) requests" \
  "served, $(committed "$out1" | wc -l) lines committed"
kill -9 "$victim"
log "killed TaskManager tm-1 (pid $victim) with SIGKILL"
start_tm tm-3
log "started replacement TaskManager tm-3 (pid ${tm_pid[tm-3]})"
wait_for "job 1 to finish" 240 finished "$job1"
restored=$(curl -sf "$rest/jobs/$job1/checkpoints" | jq -c '.latest.restored // empty')
[ -n "$restored" ] || fail "job 1 finished without restoring a checkpoint: the kill went unnoticed"
log "job 1 FINISHED; restored from checkpoint $(jq -r .id <<< "$restored") (REST .latest.restored: $restored)"
for pattern in "JobMaster.*TaskManager with id tm-1 is no longer reachable" "Restoring job $job1 from Checkpoint"; do
  grep -m1 -E "$pattern" "$work/logs/jobmanager.log" | cut -c1-220 | sed 's/^/    jobmanager.log: /'
done
log "fake BeyondWords (bulk): $(fake_stat BULK_REQUESTS) requests, $(fake_stat BULK_FAULTS) faults injected," \
  "$(fake_stat BULK_RATE_LIMITED) answered 429 by its 40/s limit"
check_exactly_once "$out1" 1 20000

# --- 6. job 2: continuous mode; tracks added while it runs must arrive
out2=$work/out/continuous
out3=$work/out/enrich
{ seq 1 300; seq 900001 900005; } > "$work/ids.txt"
# job 3 is submitted at the same time (a CLI JVM each): its id lands in a file
( submit enrich -p 2 -c io.trackflow.flink.example.EnrichTracksJob "$jar" --ids "file://$work/ids.txt" \
    --base-url "$BEATPASS_URL" --output "file://$out3" --rate 60 --name "enrich 300 ids" > "$work/job3.id" ) &
submitting3=$!
pids+=("$submitting3")
job2=$(submit continuous -p 2 -c io.trackflow.flink.example.ExportTracksJob "$jar" \
  --base-url "$LIVE_URL" --output "file://$out2" --continuous-ms 1000 --lookback-ms 5000 --split-size 200 \
  --name "continuous export")
log "job 2 (continuous, re-listing every second) submitted: $job2"

# --- 7. job 3, beside job 2 (2 slots each): enrichment with BeatPass lookups (ids from a file, 5 of them
#        unknown: skipped)
wait "$submitting3" || fail "could not submit job 3 (logs/cli-enrich.out)"
job3=$(cat "$work/job3.id")
[ -n "$job3" ] || fail "no job id from the CLI (logs/cli-enrich.out)"
log "job 3 (enrich, parallelism 2, lookup budget 60 requests/s) submitted: $job3"

# --- 8. job 2's checks
has_lines() { [ "$(committed "$1" | wc -l)" -ge "$2" ]; }
wait_for "the first pass of job 2" 120 has_lines "$out2" 500
added=()
for i in $(seq 1 20); do
  created=$(curl -s -X POST "${LIVE_URL}/background_tracks" -H "X-Api-Key: $BEYONDWORDS_API_KEY" \
    -H 'Content-Type: application/json' \
    -d "{\"name\":\"added while running $i\",\"media\":{\"url\":\"https://cdn.example.com/added-$i.mp3\"}}")
  id=$(jq -r '.id // empty' <<< "$created" 2>/dev/null || true)
  [ -n "$id" ] || fail "could not add a track: $created"
  added+=("$id")
done
log "added 20 tracks while job 2 runs: ids ${added[0]}..${added[19]}"
all_arrived() {
  local got
  got=$(committed "$out2" | cut -f1 | sort -u)
  for id in "${added[@]}"; do grep -qx "$id" <<< "$got" || return 1; done
}
wait_for "the added tracks to arrive" 90 all_arrived
log "all 20 added tracks arrived (committed) after $(completed_checkpoints "$job2") checkpoints of job 2"
curl -sf -X PATCH "$rest/jobs/$job2?mode=cancel" > /dev/null
wait_for "job 2 to cancel" 60 is_state "$job2" CANCELED
seeded_dups=$(committed "$out2" | cut -f1 | awk '$1 <= 500' | sort | uniq -d | wc -l)
seeded=$(committed "$out2" | cut -f1 | awk '$1 <= 500' | sort -u | wc -l)
log "job 2 cancelled: the 500 seeded tracks committed $seeded distinct, duplicates $seeded_dups"
[ "$seeded" = 500 ] && [ "$seeded_dups" = 0 ] || fail "the continuous job's first pass is not exactly once"

# --- 9. job 3's result
wait_for "job 3 to finish" 120 finished "$job3"
log "fake BeatPass: $(fake_stat BEATPASS_REQUESTS) requests, $(fake_stat BEATPASS_FAULTS) faults injected," \
  "$(fake_stat BEATPASS_RATE_LIMITED) answered 429 by its 60/s limit"
check_exactly_once "$out3" 1 300

released=$(grep -l "Reactor Netty event loops and Reactor schedulers of the job's class loader freed" \
  "$work"/logs/tm-*.log 2>/dev/null | wc -l)
log "TaskManagers that freed the jobs' Reactor Netty threads with their class loaders: $released"
log "flink-cluster-test: passed in $((SECONDS - started)) s (Flink $flink_version)"
