#!/usr/bin/env bash
# Churn benchmark of live capture with packet-triggered attribution (issue 4).
#
#   releng/bench/live/churn.sh [N]      (default N=100 connections per run)
#
# In one run: a python3 client process opens and closes N loopback connections living ~20 ms and
# ~45 ms to a python3 server process while Egress captures `lo`; reports the share attributed to
# the client's pid, wrong pids (must be 0), and the same for two baselines polling every second
# (our socket table, `ss -tanp`); then the socket-table refresh time at 50 and 5,000 sockets
# against `ss -tuanp` (SocketTableBenchmark of io.egress.attribution.tests).
# Needs capture rights (root or CAP_NET_RAW), python3, ss, and the jars in ~/.m2 (pcap4j-core 1.8.2,
# jna/jna-platform 5.19.1, oshi-core 6.12.0, slf4j-api 2.0.17, osgi.service.component.annotations 1.5.1). Compiles the sources with javac: no Maven.
set -euo pipefail
N="${1:-100}"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
B="$ROOT/bundles"
JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/* 2>/dev/null | head -1)}"
M2="${M2_REPO:-$HOME/.m2/repository}"
JARS=(
  "$M2/org/pcap4j/pcap4j-core/1.8.2/pcap4j-core-1.8.2.jar"
  "$M2/net/java/dev/jna/jna/5.19.1/jna-5.19.1.jar"
  "$M2/net/java/dev/jna/jna-platform/5.19.1/jna-platform-5.19.1.jar"
  "$M2/com/github/oshi/oshi-core/6.12.0/oshi-core-6.12.0.jar"
  "$M2/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar"
  # compile-only: the socket table's DS component (io.egress.attribution.internal.ds) is annotated
  "$M2/org/osgi/org.osgi.service.component.annotations/1.5.1/org.osgi.service.component.annotations-1.5.1.jar"
)
for j in "${JARS[@]}"; do
  [ -f "$j" ] || { echo "missing $j (fetch it with: ./mvnw dependency:get -Dartifact=GROUP:ARTIFACT:VERSION)" >&2; exit 1; }
done
for tool in python3 ss; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
if [ "$(id -u)" != 0 ] && ! grep -qE "^CapEff:\s*[0-9a-f]*[2367abef][0-9a-f]{3}$" /proc/self/status; then
  echo "note: not root; the capture needs CAP_NET_RAW (see docs/live-capture.md)" >&2
fi
CP="$(IFS=:; echo "${JARS[*]}")"
OUT="$(mktemp -d /tmp/egress-churn.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT
"$JAVA_HOME/bin/javac" --release 21 -nowarn -d "$OUT" -cp "$CP" \
  $(find "$B/io.egress.core/src" "$B/io.egress.capture/src" "$B/io.egress.attribution/src" "$B/io.egress.live/src" -name '*.java') \
  "$B/io.egress.attribution.tests/src/io/egress/attribution/SocketTableBenchmark.java" 2>&1 | grep -v '^Note:' || true
RUN=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dslf4j.internal.verbosity=ERROR -cp "$OUT:$CP")

echo "== churn: $N connections per run, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(uname -r)"
"${RUN[@]}" io.egress.live.internal.bench.ChurnBenchmark "$HERE/churn_peer.py" "$N" 20 20 45

echo
echo "== socket-table refresh (SocketTableBenchmark 50 5000; snapshot of this JVM's sockets vs ss -tuanp)"
ulimit -n 12000 2>/dev/null || true
"${RUN[@]}" io.egress.attribution.SocketTableBenchmark 50 5000
