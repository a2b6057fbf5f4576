#!/usr/bin/env bash
# Runs every test of Egress: the headless OSGi tests and the UI tests inside the real workbench
# under a virtual display. On failure it prints the surefire reports and the workbench logs.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

"$ROOT/releng/ensure-packages.sh" xvfb xauth libgtk-3-0 libpcap0.8 dbus-x11 tshark || exit 1

if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/javac" ]; then
  for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -x "$d/bin/javac" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then export JAVA_HOME="${d%/}"; break; fi
  done
fi
[ -n "${JAVA_HOME:-}" ] || { echo "run-tests: no JDK 21 or newer found (JAVA_HOME or /usr/lib/jvm/*)" >&2; exit 1; }
echo "run-tests: JDK $JAVA_HOME" >&2

xvfb-run -a -s "-screen 0 1400x900x24" ./mvnw -B -ntp clean verify "$@"
status=$?
if [ $status -ne 0 ]; then
  echo "===== failed tests (surefire reports) =====" >&2
  for f in bundles/*/target/surefire-reports/*.txt; do
    [ -f "$f" ] || continue
    grep -qE 'FAILURE|ERROR' "$f" && { echo "--- $f" >&2; cat "$f" >&2; }
  done
  for f in bundles/*/target/work/data/.metadata/.log; do
    [ -f "$f" ] && { echo "--- $f" >&2; tail -200 "$f" >&2; }
  done
  exit $status
fi

# Short fuzz budget (docs/fuzzing.md): every target for FUZZ_SECONDS (default 5) on one core,
# against the classes the build just made. Fails the run on a crash, hang or unbounded allocation.
if [ "${FUZZ_SECONDS:-5}" = 0 ]; then
  echo "run-tests: fuzzing skipped (FUZZ_SECONDS=0)" >&2
  exit 0
fi
if [ ! -d "$ROOT/../shared/captures" ] && [ "${CI:-}" != true ]; then
  echo "run-tests: fuzzing skipped: its seeds, ../shared/captures, are absent" >&2
  exit 0
fi
findings="$ROOT/target/fuzz-findings"
rm -rf "$findings"
start=$(date +%s)
"$ROOT/releng/fuzz/fuzz" --target all --seconds "${FUZZ_SECONDS:-5}" --seed "${FUZZ_SEED:-$start}" --out "$findings"
status=$?
if [ $status -ne 0 ]; then
  echo "===== fuzzing found something (exit $status); saved and minimised inputs: =====" >&2
  find "$findings" -name '*.txt' -exec sh -c 'echo "--- $1"; cat "$1"' _ {} \; >&2 2>/dev/null
  echo "replay one with: releng/fuzz/fuzz --replay TARGET FILE.min.hex" >&2
  exit 1
fi
echo "run-tests: fuzzing took $(( $(date +%s) - start )) s" >&2
echo "fuzz: $("$ROOT/releng/fuzz/fuzz" --list | wc -l) passed, 0 failed"
exit 0
