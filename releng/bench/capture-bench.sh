#!/usr/bin/env bash
# Capture benchmark (issue 3): generates a realistic capture with the project's own writer, then
# measures, in one run, the engine alone, `egress analyze` (when the launcher exists), tshark's
# conversation statistics (on a slice), `cat`, and heap per flow, and prints the ratios.
#
# Usage: releng/bench/capture-bench.sh
# Environment: FLOWS (50000), SEED (1), TSHARK_SLICE (packets given to tshark, 200000; 0 = whole
# file), BENCH_DIR (/tmp/egress-bench), JAVA_HOME (a JDK 21+), EGRESS (launcher; default ./egress
# at the project root), RUNS (warm engine runs, 3).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JAVAC="$JAVA_HOME/bin/javac"
WORK=${BENCH_DIR:-/tmp/egress-bench}
FLOWS=${FLOWS:-50000}
SEED=${SEED:-1}
SLICE=${TSHARK_SLICE:-200000}
RUNS=${RUNS:-3}
EGRESS=${EGRESS:-$ROOT/egress}
CAPTURE="$WORK/bench-$FLOWS-$SEED.pcap"

mkdir -p "$WORK"
now() { date +%s.%N; }
calc() { python3 -c "print($1)"; }
median() { python3 -c "import sys,statistics; print(statistics.median(float(x) for x in sys.argv[1:]))" "$@"; }

echo "== compiling io.egress.core and io.egress.capture"
rm -rf "$WORK/classes"
mkdir -p "$WORK/classes"
# the file engine only: live capture (pcap4j) is not part of what this measures
find "$ROOT/bundles/io.egress.core/src" "$ROOT/bundles/io.egress.capture/src" -name '*.java' -not -path '*/live/*' > "$WORK/sources.txt"
"$JAVAC" --release 21 -nowarn -d "$WORK/classes" @"$WORK/sources.txt"

if [ ! -f "$CAPTURE" ]; then
    echo "== generating $CAPTURE"
    "$JAVA" -cp "$WORK/classes" io.egress.capture.internal.bench.SyntheticCapture "$CAPTURE" "$FLOWS" "$SEED"
fi
BYTES=$(stat -c %s "$CAPTURE")

echo "== cat (page cache warm; median of 3)"
cat "$CAPTURE" > /dev/null
cat_times=()
for _ in 1 2 3; do
    t0=$(now); cat "$CAPTURE" > /dev/null; t1=$(now)
    cat_times+=("$(calc "$t1 - $t0")")
done
CAT_S=$(median "${cat_times[@]}")
CAT_MBPS=$(calc "$BYTES / $CAT_S / 1e6")
echo "cat: ${CAT_S} s, ${CAT_MBPS} MB/s"

echo "== engine alone (one JVM; first pass cold, then $RUNS warm passes)"
ENGINE_OUT=$("$JAVA" -Xmx2g -cp "$WORK/classes" io.egress.capture.internal.bench.EngineBenchmark "$CAPTURE" "$RUNS")
echo "$ENGINE_OUT"
RESULT=$(echo "$ENGINE_OUT" | grep '^RESULT')
field() { echo "$RESULT" | tr ' ' '\n' | grep "^$1=" | cut -d= -f2; }
PACKETS=$(field packets)
FLOWS_SEEN=$(field flows)
ENGINE_PPS=$(field pps)
ENGINE_MBPS=$(field mbps)
ENGINE_COLD_PPS=$(calc "$PACKETS / $(field cold_s)")
HEAP_PER_FLOW=$(field heap_per_flow)

EGRESS_PPS=""
EGRESS_NET_PPS=""
if [ -x "$EGRESS" ]; then
    # A first call builds the product when the sources changed; that build is not measured.
    if "$EGRESS" --version > /dev/null 2> "$WORK/egress-build.txt"; then
        # The launcher's own start (finding a JDK, JVM and OSGi start) measured on its own, to show what analyze adds.
        t0=$(now); "$EGRESS" --version > /dev/null; t1=$(now)
        START_S=$(calc "$t1 - $t0")
        echo "== $EGRESS --version (launcher, JVM and OSGi start only): ${START_S} s"
        echo "== $EGRESS analyze --format json (includes JVM and OSGi start and writing the JSON)"
        t0=$(now)
        if "$EGRESS" analyze "$CAPTURE" --format json > "$WORK/analyze.json" 2> "$WORK/analyze.err"; then
            t1=$(now)
            EGRESS_S=$(calc "$t1 - $t0")
            EGRESS_PPS=$(calc "$PACKETS / $EGRESS_S")
            echo "egress analyze: ${EGRESS_S} s, $(calc "round($EGRESS_PPS)") packets/s, $(calc "round($BYTES / $EGRESS_S / 1e6, 1)") MB/s"
            EGRESS_NET_PPS=$(calc "$PACKETS / max($EGRESS_S - $START_S, 1e-3)")
        else
            echo "egress analyze failed (see $WORK/analyze.err): not measured"
        fi
    else
        echo "== $EGRESS does not run (see $WORK/egress-build.txt): egress analyze not measured"
    fi
else
    echo "== no launcher at $EGRESS: egress analyze not measured"
fi

TSHARK_PPS=""
if command -v tshark > /dev/null; then
    if [ "$SLICE" != 0 ] && [ "$SLICE" -lt "$PACKETS" ]; then
        TSHARK_FILE="$WORK/slice-$SLICE.pcap"
        [ -f "$TSHARK_FILE" ] || editcap -r "$CAPTURE" "$TSHARK_FILE" "1-$SLICE" > /dev/null
        TSHARK_PACKETS=$SLICE
        echo "== tshark -q -z conv,tcp on a slice: the first $SLICE of $PACKETS packets (tshark is too slow for the whole file)"
    else
        TSHARK_FILE=$CAPTURE
        TSHARK_PACKETS=$PACKETS
        echo "== tshark -q -z conv,tcp on the whole file"
    fi
    t0=$(now); tshark -r "$TSHARK_FILE" -q -z conv,tcp > "$WORK/tshark-conv.txt" 2> /dev/null; t1=$(now)
    TSHARK_S=$(calc "$t1 - $t0")
    TSHARK_PPS=$(calc "$TSHARK_PACKETS / $TSHARK_S")
    echo "tshark: ${TSHARK_S} s, $(calc "round($TSHARK_PPS)") packets/s ($(grep -c '<->' "$WORK/tshark-conv.txt") TCP conversations)"
else
    echo "== tshark not installed: not measured"
fi

echo
echo "== summary ($PACKETS packets, $FLOWS_SEEN flows, $BYTES bytes)"
printf '%-34s %14s %10s\n' "path" "packets/s" "MB/s"
printf '%-34s %14.0f %10.1f\n' "engine alone, warm median" "$ENGINE_PPS" "$ENGINE_MBPS"
printf '%-34s %14.0f %10.1f\n' "engine alone, first pass" "$ENGINE_COLD_PPS" "$(calc "$ENGINE_COLD_PPS * $BYTES / $PACKETS / 1e6")"
[ -n "$EGRESS_PPS" ] && printf '%-34s %14.0f %10.1f\n' "egress analyze (whole command)" "$EGRESS_PPS" "$(calc "$EGRESS_PPS * $BYTES / $PACKETS / 1e6")"
[ -n "$EGRESS_PPS" ] && printf '%-34s %14.0f %10.1f\n' "egress analyze minus its start" "$EGRESS_NET_PPS" "$(calc "$EGRESS_NET_PPS * $BYTES / $PACKETS / 1e6")"
[ -n "$TSHARK_PPS" ] && printf '%-34s %14.0f %10s\n' "tshark -q -z conv,tcp" "$TSHARK_PPS" "-"
printf '%-34s %14s %10.1f\n' "cat" "-" "$CAT_MBPS"
echo
verdict() { python3 -c "print('ok' if $1 else 'BELOW TARGET')"; }
if [ -n "$TSHARK_PPS" ]; then
    R=$(calc "round($ENGINE_PPS / $TSHARK_PPS, 1)")
    echo "engine / tshark packets/s:        ${R}x (target >= 40x) $(verdict "$R >= 40")"
    if [ -n "$EGRESS_PPS" ]; then
        R=$(calc "round($EGRESS_PPS / $TSHARK_PPS, 1)")
        echo "egress analyze / tshark:          ${R}x (whole command, start-up included)"
        R=$(calc "round($EGRESS_NET_PPS / $TSHARK_PPS, 1)")
        echo "egress analyze minus start / tshark: ${R}x"
    fi
fi
R=$(calc "round(100 * $ENGINE_MBPS / $CAT_MBPS, 1)")
echo "engine MB/s / cat MB/s:           ${R} % (target >= 25 %) $(verdict "$R >= 25")"
echo "heap per flow:                    ${HEAP_PER_FLOW} bytes (target <= 300) $(verdict "$HEAP_PER_FLOW <= 300")"
