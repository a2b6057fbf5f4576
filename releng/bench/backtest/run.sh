#!/usr/bin/env bash
# Detector backtest (issue 6): generates a labelled set of synthetic captures with the project's
# own pcap writer (beacons with intervals 10 s to 1 h, jitter 0-30 %, fixed or varying sizes,
# inside benign traffic), adds the shared beacon captures, runs every detector over them and
# prints precision, recall, false positives per 1,000 benign flows, time to detect and the targets.
#
# Usage: releng/bench/backtest/run.sh [--format json]
# Environment: SEED (6), BENCH_DIR (/tmp/egress-backtest), CHECKPOINTS (8), JAVA_HOME (a JDK 21+),
# EGRESS (set to a launcher, e.g. ./egress, to run the installed product's detectors, contributed
# ones included; by default the sources are compiled and the built-in detectors run as plain Java).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JAVAC="$JAVA_HOME/bin/javac"
WORK=${BENCH_DIR:-/tmp/egress-backtest}
SEED=${SEED:-6}
CHECKPOINTS=${CHECKPOINTS:-8}
SHARED="$ROOT/../shared/captures"

jar_of() { # newest jar of an Eclipse bundle from the local Maven repository or a built product
    { ls "$HOME"/.m2/repository/org/eclipse/platform/"$1"/*/"$1"-*.jar \
         "$ROOT"/releng/io.egress.product/target/products/io.egress.product/linux/gtk/x86_64/plugins/"$1"_*.jar 2>/dev/null || true; } \
        | grep -v sources | sort -V | tail -1
}
REGISTRY=$(jar_of org.eclipse.equinox.registry)
COMMON=$(jar_of org.eclipse.equinox.common)
[ -n "$REGISTRY" ] && [ -n "$COMMON" ] || { echo "run.sh: org.eclipse.equinox.registry/common jars not found; run ./mvnw once" >&2; exit 1; }

echo "== compiling io.egress.core, io.egress.capture, io.egress.detect and the backtest command" >&2
rm -rf "$WORK/classes"
mkdir -p "$WORK/classes" "$WORK/set"
# Only io.egress.detect and the backtest command are named; javac takes what they use from the
# other bundles' sources (-sourcepath), so unrelated code there (live capture needs pcap4j) is skipped.
CLI="$ROOT/bundles/io.egress.cli/src"
{
    find "$ROOT/bundles/io.egress.detect/src" "$CLI/io/egress/cli/internal/backtest" -name '*.java'
} > "$WORK/sources.txt"
CP="$WORK/classes:$REGISTRY:$COMMON"
"$JAVAC" --release 21 -nowarn -implicit:class -cp "$CP" \
    -sourcepath "$ROOT/bundles/io.egress.core/src:$ROOT/bundles/io.egress.capture/src:$CLI" -d "$WORK/classes" @"$WORK/sources.txt"

echo "== generating the labelled set in $WORK/set (seed $SEED)" >&2
rm -f "$WORK"/set/*.pcap
"$JAVA" -cp "$CP" io.egress.detect.internal.backtest.LabelledSetGenerator "$WORK/set" "$SEED" >&2

CAPTURES=("$WORK/set")
for f in zeek-quic-merlinc2-beacon.pcapng zeek-ticks-dns-1hr.pcap zeek-wikipedia.pcap zeek-tls-conn-with-extensions.pcap \
         zeek-quic-chromium-google-de-fragmented.pcap zeek-echo-connections.pcap tcpdump-dns_udp.pcap; do
    if [ -f "$SHARED/$f" ]; then CAPTURES+=("$SHARED/$f"); else echo "run.sh: $SHARED/$f missing; left out" >&2; fi
done

echo "== backtest" >&2
if [ -n "${EGRESS:-}" ]; then
    "$EGRESS" backtest --labels "$WORK/set/labels.tsv" --checkpoints "$CHECKPOINTS" "$@" "${CAPTURES[@]}"
else
    "$JAVA" -cp "$CP" io.egress.cli.internal.backtest.BacktestMain --labels "$WORK/set/labels.tsv" --checkpoints "$CHECKPOINTS" "$@" \
        "${CAPTURES[@]}"
fi
