#!/usr/bin/env bash
# Prints the folders of the published modules, one a line, in the parent's order: every module of the
# root pom.xml except those that set <maven.deploy.skip>true</maven.deploy.skip> in their properties.
# One rule for scripts/check-reproducible.sh, scripts/check-poms.sh and docs/releasing.md.
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
python3 - "$root" <<'PY'
import sys, xml.etree.ElementTree as ET
root = sys.argv[1]
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
for module in ET.parse(f"{root}/pom.xml").getroot().findall("m:modules/m:module", ns):
    pom = ET.parse(f"{root}/{module.text.strip()}/pom.xml").getroot()
    if (pom.findtext("m:properties/m:maven.deploy.skip", "", ns).strip() != "true"):
        print(module.text.strip())
PY
