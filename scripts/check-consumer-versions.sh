#!/usr/bin/env bash
# What a user resolves is what the tests ran on: installs the published client modules (no tests) into a
# local repository, resolves a consumer project that depends on trackflow-beyondwords, trackflow-beatpass
# and trackflow-testkit (no BOM import: plain transitive resolution), and compares every Netty, Reactor
# and Jackson artifact it gets with what the build resolved for the same modules' tests. Any difference
# (a version, or an artifact one side has and the other lacks) fails.
#
#   scripts/check-consumer-versions.sh [local-repo]   (default: Maven's usual ~/.m2/repository)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repo_args=()
if [ $# -gt 0 ]; then repo_args=("-Dmaven.repo.local=$1"); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version=$(cd "$root" && ./mvnw -q -B -ntp "${repo_args[@]}" help:evaluate -Dexpression=project.version -DforceStdout)

# the build's side: the test classpath of the providers and the testkit, as their tests ran
(cd "$root" && ./mvnw -q -B -ntp "${repo_args[@]}" install -pl bom,core,testkit,beyondwords,beatpass -am \
  -DskipTests -Dspotless.check.skip=true -Djapicmp.skip=true -Dmaven.javadoc.skip=true -Dmaven.source.skip=true)
for m in beyondwords beatpass testkit; do
  (cd "$root" && ./mvnw -q -B -ntp "${repo_args[@]}" dependency:list -pl "$m" -DincludeScope=test \
    -DoutputFile="$work/build-$m.txt" -DappendOutput=false -DexcludeTransitive=false)
done

# the consumer's side
mkdir -p "$work/consumer"
cat > "$work/consumer/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>consumer</artifactId>
  <version>1</version>
  <dependencies>
    <dependency><groupId>io.trackflow</groupId><artifactId>trackflow-beyondwords</artifactId><version>$version</version></dependency>
    <dependency><groupId>io.trackflow</groupId><artifactId>trackflow-beatpass</artifactId><version>$version</version></dependency>
    <dependency><groupId>io.trackflow</groupId><artifactId>trackflow-testkit</artifactId><version>$version</version></dependency>
  </dependencies>
</project>
POM
(cd "$root" && ./mvnw -q -B -ntp "${repo_args[@]}" -f "$work/consumer/pom.xml" dependency:list \
  -DoutputFile="$work/consumer.txt" -DappendOutput=false)

python3 - "$work" <<'PY'
import re, sys, glob
work = sys.argv[1]
WATCHED = re.compile(r"^(io\.netty|io\.projectreactor(\.netty)?|tools\.jackson(\.core)?|com\.fasterxml\.jackson(\.core)?):")
def read(paths):
    found = {}
    for path in paths:
        for line in open(path):
            line = line.strip().split(" -- ")[0]
            parts = line.split(":")
            if len(parts) < 5 or not WATCHED.match(line):
                continue
            group, artifact = parts[0], parts[1]
            classifier = parts[3] if len(parts) >= 6 else ""
            version = parts[-2]
            found[f"{group}:{artifact}" + (f":{classifier}" if classifier else "")] = version
    return found
build = read(glob.glob(f"{work}/build-*.txt"))
consumer = read([f"{work}/consumer.txt"])
problems = []
for key, v in sorted(consumer.items()):
    if key not in build:
        problems.append(f"{key}:{v} is resolved by a consumer but not by the build's tests")
    elif build[key] != v:
        problems.append(f"{key}: a consumer resolves {v}, the tests ran on {build[key]}")
for key, v in sorted(build.items()):
    if key not in consumer and not key.startswith(("io.projectreactor:reactor-test", "com.fasterxml.jackson")):
        # test-only libraries of the build (reactor-test; Jackson 2 for the tests of the Jackson 2 module)
        problems.append(f"{key}:{v} is in the build's tests but not resolved by a consumer")
print(f"check-consumer-versions: {len(consumer)} Netty/Reactor/Jackson artifacts resolved by a consumer, "
      f"{len(build)} in the build's tests")
if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print("check-consumer-versions: a consumer resolves exactly the versions the tests ran on")
PY
