#!/usr/bin/env bash
# Reproducible-build check (run by CI): builds the published modules twice and compares what would be
# published byte for byte: the main, sources, Javadoc (and core's tests) jars and the flattened POMs.
#
#   scripts/check-reproducible.sh [extra Maven arguments, e.g. -o]
#
# Build 1 runs in this checkout (its target/ folders then hold the release output, for
# scripts/check-poms.sh); build 2 runs offline in a copy of the sources at another path, so an absolute
# path that leaks into an artifact shows up too. Both: `-Prelease -DskipTests clean package` on the
# published modules only (-pl <published> -am), never signed. Tests are compiled, not run: core's tests
# jar is a published artifact and the other modules' test classpath needs it from this build, not from
# whatever ~/.m2 holds. Nothing is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
modules=$(scripts/published-modules.sh "$root" | paste -sd, -)
args=(-B -ntp -Prelease -DskipTests -Dgpg.skip=true -pl "$modules" -am "$@")

work=$(mktemp -d "${TMPDIR:-/tmp}/trackflow-repro.XXXXXX")
trap 'rm -rf "$work"' EXIT

# the sources as the build sees them: tracked and untracked-but-not-ignored files (no target/, no .git)
mkdir "$work/src"
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$root" ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
    tar --null -T - -cf - | tar -C "$work/src" -xf -
else
  tar --exclude=./.git --exclude='*/target' --exclude=./target -cf - . | tar -C "$work/src" -xf -
fi

build() { # dir label [extra args]
  local dir=$1 label=$2 start=$SECONDS
  shift 2
  if ! (cd "$dir" && ./mvnw "${args[@]}" "$@" clean package > "$work/$label.log" 2>&1); then
    tail -40 "$work/$label.log" >&2
    echo "check-reproducible: $label failed (log above)" >&2
    exit 1
  fi
  echo "check-reproducible: $label: $((SECONDS - start)) s"
}
build "$root" "build 1"
build "$work/src" "build 2 (offline, other path)" -o

# what would be published, per module
artifacts() { # dir
  local m
  for m in ${modules//,/ }; do
    (cd "$1" && ls -1 "$m"/target/*.jar "$m"/target/flattened-pom.xml 2>/dev/null) || true
  done | sort
}
a=$(artifacts "$root")
b=$(artifacts "$work/src")
if [ "$a" != "$b" ]; then
  echo "check-reproducible: the two builds made different files:" >&2
  diff <(echo "$a") <(echo "$b") >&2 || true
  exit 1
fi
[ -n "$a" ] || { echo "check-reproducible: no artifact found" >&2; exit 1; }

differ=()
for f in $a; do
  cmp -s "$root/$f" "$work/src/$f" || differ+=("$f")
done
if [ ${#differ[@]} -gt 0 ]; then
  echo "check-reproducible: ${#differ[@]} artifact(s) differ between the two builds:" >&2
  for f in "${differ[@]}"; do
    echo "  $f" >&2
    case $f in
      *.jar) python3 - "$root/$f" "$work/src/$f" >&2 <<'PY'
import sys, zipfile
a, b = (zipfile.ZipFile(p) for p in sys.argv[1:3])
ia = {i.filename: i for i in a.infolist()}
ib = {i.filename: i for i in b.infolist()}
shown = 0
for name in sorted(set(ia) | set(ib)):
    x, y = ia.get(name), ib.get(name)
    if x is None or y is None:
        why = "only in build " + ("2" if x is None else "1")
    elif x.CRC != y.CRC:
        why = "content"
    elif x.date_time != y.date_time:
        why = "time %s vs %s" % (x.date_time, y.date_time)
    elif [i.filename for i in a.infolist()].index(name) != [i.filename for i in b.infolist()].index(name):
        why = "order"
    else:
        continue
    print("    %s: %s" % (name, why))
    shown += 1
    if shown == 10:
        print("    ...")
        break
if shown == 0:
    print("    same entries; the archives differ in metadata (extra fields, comments)")
PY
      ;;
      *) diff "$root/$f" "$work/src/$f" | head -20 | sed 's/^/    /' >&2 || true ;;
    esac
  done
  echo "check-reproducible: for the details: diffoscope <file from build 1> <file from build 2>" >&2
  exit 1
fi
echo "check-reproducible: $(echo "$a" | wc -l) artifacts of ${modules//,/, } identical in both builds"
