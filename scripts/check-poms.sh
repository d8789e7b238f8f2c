#!/usr/bin/env bash
# Checks what a release would publish, on the output of a release build
# (`./mvnw -Prelease -DskipTests verify`, or scripts/check-reproducible.sh, which leaves it in target/):
#
#   scripts/check-poms.sh [checkout]      (default: this checkout)
#
# For every published module (scripts/published-modules.sh), its flattened POM (target/flattened-pom.xml,
# the POM that is installed and published):
#  - has groupId, artifactId, version, its own name and description, url, licenses (name and url),
#    developers (a name) and scm (connection and url), and no parent (the parent is not published);
#  - depends on no SNAPSHOT but our own reactor's version, has no test-scope dependency, no test library
#    (JUnit, AssertJ, reactor-test, slf4j bindings, Flink test utilities, the testkit, a tests jar) in
#    any scope, and Immutables only as `provided`;
#  - has its main jar (with META-INF/LICENSE), sources jar and Javadoc jar beside it.
# The BOM manages exactly the published modules, nothing else; the Central bundle's excludeArtifacts
# (root pom.xml, release profile) are exactly the parent and the modules that are not published.
set -euo pipefail
root="$(cd "${1:-$(dirname "$0")/..}" && pwd)"
modules=$("$(dirname "$0")/published-modules.sh" "$root")
python3 - "$root" $modules <<'PY'
import os, re, sys, zipfile
import xml.etree.ElementTree as ET

root, published = sys.argv[1], sys.argv[2:]
NS = {"m": "http://maven.apache.org/POM/4.0.0"}
problems = []

def text(el, path):
    return (el.findtext(path, "", NS) or "").strip()

parent = ET.parse(os.path.join(root, "pom.xml")).getroot()
parent_id = text(parent, "m:artifactId")
parent_name, parent_description = text(parent, "m:name"), text(parent, "m:description")
all_modules = [m.text.strip() for m in parent.findall("m:modules/m:module", NS)]

def artifact_id(module):
    return text(ET.parse(os.path.join(root, module, "pom.xml")).getroot(), "m:artifactId")

TEST_LIBRARIES = [
    (r"org\.junit.*", r".*"), (r"junit", r"junit"), (r"org\.assertj", r".*"), (r"org\.mockito", r".*"),
    (r"io\.projectreactor", r"reactor-test"), (r"org\.slf4j", r"slf4j-(simple|nop|reload4j|jdk14)"),
    (r"ch\.qos\.logback", r".*"), (r"org\.apache\.flink", r".*test.*"), (r"io\.projectreactor\.tools", r"blockhound.*"),
    (r"io\.trackflow", r"trackflow-testkit"),
]

published_ids = {}
for module in published:
    where = module
    flat = os.path.join(root, module, "target", "flattened-pom.xml")
    if not os.path.isfile(flat):
        problems.append(f"{where}: no target/flattened-pom.xml (run the release build first)")
        continue
    pom = ET.parse(flat).getroot()
    gid, aid, version = text(pom, "m:groupId"), text(pom, "m:artifactId"), text(pom, "m:version")
    packaging = text(pom, "m:packaging") or "jar"
    published_ids[module] = aid
    for field, value in (("groupId", gid), ("artifactId", aid), ("version", version)):
        if not value:
            problems.append(f"{where}: no {field}")
    for field in ("name", "description", "url"):
        if not text(pom, "m:" + field):
            problems.append(f"{where}: no <{field}>")
    if text(pom, "m:name") == parent_name:
        problems.append(f"{where}: <name> is the parent's; give the module its own")
    if text(pom, "m:description") == parent_description:
        problems.append(f"{where}: <description> is the parent's; give the module its own")
    licenses = pom.findall("m:licenses/m:license", NS)
    if not licenses or any(not text(l, "m:name") or not text(l, "m:url") for l in licenses):
        problems.append(f"{where}: <licenses> missing or a license without name and url")
    developers = pom.findall("m:developers/m:developer", NS)
    if not developers or any(not text(d, "m:name") for d in developers):
        problems.append(f"{where}: <developers> missing or a developer without a name")
    if not text(pom, "m:scm/m:connection") or not text(pom, "m:scm/m:url"):
        problems.append(f"{where}: <scm> missing its connection or url")
    if pom.find("m:parent", NS) is not None:
        problems.append(f"{where}: names a parent, which is not published (is the POM flattened?)")
    if "${" in ET.tostring(pom, encoding="unicode").replace("${project.version}", ""):
        problems.append(f"{where}: an unresolved ${{...}} expression")

    deps = pom.findall("m:dependencies/m:dependency", NS)
    scopes = {}
    for d in deps:
        dg, da, dv = text(d, "m:groupId"), text(d, "m:artifactId"), text(d, "m:version")
        scope = text(d, "m:scope") or "compile"
        scopes[scope] = scopes.get(scope, 0) + 1
        coord = f"{dg}:{da}:{dv} ({scope})"
        if not dv:
            problems.append(f"{where}: dependency {dg}:{da} has no version")
        if dv.endswith("-SNAPSHOT") and not (dg == gid and dv == version):
            problems.append(f"{where}: SNAPSHOT dependency outside our reactor: {coord}")
        if dg == gid and dv != version:
            problems.append(f"{where}: {coord} is not this build's version {version}")
        if scope == "test":
            problems.append(f"{where}: test-scope dependency in the published POM: {coord}")
        if text(d, "m:type") == "test-jar" or text(d, "m:classifier") == "tests":
            problems.append(f"{where}: depends on a tests jar: {coord}")
        if any(re.fullmatch(g, dg) and re.fullmatch(a, da) for g, a in TEST_LIBRARIES):
            problems.append(f"{where}: test library in the published POM: {coord}")
        if dg == "org.immutables" and scope != "provided":
            problems.append(f"{where}: Immutables must be provided (an annotation processor): {coord}")

    if packaging == "jar":
        base = os.path.join(root, module, "target", f"{aid}-{version}")
        for suffix in ("", "-sources", "-javadoc"):
            if not os.path.isfile(base + suffix + ".jar"):
                problems.append(f"{where}: no {aid}-{version}{suffix}.jar (release profile?)")
        if os.path.isfile(base + ".jar"):
            names = zipfile.ZipFile(base + ".jar").namelist()
            for f in ("META-INF/LICENSE", "META-INF/NOTICE"):
                if f not in names:
                    problems.append(f"{where}: {f} missing from the main jar")
    summary = ", ".join(f"{n} {s}" for s, n in sorted(scopes.items())) or "none"
    print(f"check-poms: {aid} {version} ({packaging}): metadata checked; dependencies: {summary}")

# the BOM: exactly the published modules
if "bom" in published_ids:
    bom = ET.parse(os.path.join(root, "bom", "target", "flattened-pom.xml")).getroot()
    managed = sorted(text(d, "m:artifactId") for d in bom.findall("m:dependencyManagement/m:dependencies/m:dependency", NS))
    expected = sorted(aid for m, aid in published_ids.items() if m != "bom")
    if managed != expected:
        problems.append(f"bom: manages {managed}, the published modules are {expected}")
    for d in bom.findall("m:dependencyManagement/m:dependencies/m:dependency", NS):
        if text(d, "m:groupId") != text(bom, "m:groupId") or text(d, "m:version") not in ("${project.version}", text(bom, "m:version")):
            problems.append(f"bom: {text(d, 'm:groupId')}:{text(d, 'm:artifactId')} is not ours at this version")
        if text(d, "m:scope") or text(d, "m:type"):
            problems.append(f"bom: {text(d, 'm:artifactId')} has a scope or type")
    if bom.find("m:dependencies", NS) is not None:
        problems.append("bom: has <dependencies>")
    print(f"check-poms: trackflow-bom manages {len(managed)} artifacts: {', '.join(managed)}")
else:
    problems.append("no bom module among the published modules")

# the Central bundle leaves out exactly the parent and the unpublished modules
excluded = set()
for profile in parent.findall("m:profiles/m:profile", NS):
    if text(profile, "m:id") == "release":
        for plugin in profile.findall("m:build/m:plugins/m:plugin", NS):
            if text(plugin, "m:artifactId") == "central-publishing-maven-plugin":
                excluded = {e.text.strip() for e in plugin.findall("m:configuration/m:excludeArtifacts/m:excludeArtifact", NS)}
unpublished = {parent_id} | {artifact_id(m) for m in all_modules if m not in published}
if excluded != unpublished:
    problems.append(f"root pom.xml: central-publishing excludeArtifacts {sorted(excluded)} "
                    f"should be the parent and the unpublished modules {sorted(unpublished)}")

if problems:
    print(f"check-poms: {len(problems)} problem(s):", file=sys.stderr)
    for p in problems:
        print("  " + p, file=sys.stderr)
    sys.exit(1)
print(f"check-poms: {len(published_ids)} published modules OK; Central bundle excludes {', '.join(sorted(excluded))}")
PY
