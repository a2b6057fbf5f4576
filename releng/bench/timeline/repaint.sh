#!/usr/bin/env bash
# Repaint benchmark of the flow timeline (issue 7): 100,000 generated flows in the timeline canvas,
# run in a plain SWT shell outside the workbench (same widget, no OSGi), under Xvfb, zoomed through
# five levels; prints bucket computation and repaint times (median, worst).
#   releng/bench/timeline/repaint.sh [FLOWS]
# Needs the product built (./mvnw -DskipTests verify); EGRESS_PRODUCT overrides where it is.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
PRODUCT="${EGRESS_PRODUCT:-$ROOT/releng/io.egress.product/target/products/io.egress.product/linux/gtk/x86_64}"
# a JDK 21 or newer: JAVA_HOME when it is one, else the newest under /usr/lib/jvm
java_ok() { [ -x "$1/bin/javac" ] && [ "$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)" -ge 21 ] 2>/dev/null; }
if [ -z "${JAVA_HOME:-}" ] || ! java_ok "$JAVA_HOME"; then
  JAVA_HOME=""
  for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -rV); do java_ok "$d" && { JAVA_HOME="$d"; break; }; done
  [ -n "$JAVA_HOME" ] || { echo "repaint.sh: no JDK 21 or newer (set JAVA_HOME)" >&2; exit 1; }
fi
[ -d "$PRODUCT/plugins" ] || { echo "repaint.sh: no product at $PRODUCT; build it first (./mvnw -DskipTests verify)" >&2; exit 1; }

jar() { ls "$PRODUCT"/plugins/"$1"_*.jar | head -1; }
CP="$(jar org.eclipse.swt):$(jar org.eclipse.swt.gtk.linux.x86_64):$(jar org.eclipse.jface):$(jar org.eclipse.core.commands)"
CP="$CP:$(jar org.eclipse.equinox.common):$(jar org.eclipse.osgi):$(jar io.egress.core):$(jar io.egress.ui.timeline)"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
"$JAVA_HOME/bin/javac" -nowarn -d "$OUT" -cp "$CP" "$ROOT/releng/bench/timeline/src/TimelineRepaintBench.java"
run=("$JAVA_HOME/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$OUT:$CP" TimelineRepaintBench "${1:-100000}")
if [ -n "${DISPLAY:-}" ]; then
  NO_AT_BRIDGE=1 "${run[@]}"
else
  NO_AT_BRIDGE=1 xvfb-run -a -s "-screen 0 1700x1100x24" "${run[@]}"
fi
