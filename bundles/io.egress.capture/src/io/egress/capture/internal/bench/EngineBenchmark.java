package io.egress.capture.internal.bench;

import io.egress.capture.CaptureAnalysis;
import io.egress.capture.CaptureAnalyzer;
import io.egress.core.progress.Progress;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures the capture engine alone (no JVM start, no output): reads a file into flows several
 * times and prints the first (cold) pass, then the median of the warm passes, and the heap the
 * resulting flows retain, per flow. Machine-readable last line: {@code RESULT key=value...}.
 * <p>
 * Usage: {@code java -cp ... io.egress.capture.internal.bench.EngineBenchmark FILE [warmRuns=3]}
 */
public final class EngineBenchmark {
    private EngineBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long size = Files.size(file);

        long before = retainedHeap();
        long start = System.nanoTime();
        CaptureAnalysis held = CaptureAnalyzer.analyze(file, Progress.NONE);
        double cold = (System.nanoTime() - start) / 1e9;
        // Peak heap per flow: what the finished analysis keeps (the flow table and its names).
        long after = retainedHeap();
        long flows = held.flows().size();
        long packets = held.packets();
        double heapPerFlow = (after - before) / (double) flows;
        report("cold", packets, size, cold);

        double[] warm = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            CaptureAnalysis a = CaptureAnalyzer.analyze(file, Progress.NONE);
            warm[r] = (System.nanoTime() - t) / 1e9;
            if (a.packets() != packets) {
                throw new IllegalStateException("runs disagree: " + a.packets() + " vs " + packets);
            }
            report("warm " + (r + 1), packets, size, warm[r]);
        }
        Arrays.sort(warm);
        double median = warm[runs / 2];
        System.out.printf(Locale.ROOT, "flows %d, packets %d, conversations %s%n", flows, packets, held.conversations());
        System.out.printf(Locale.ROOT, "retained heap %.1f MB = %.0f bytes per flow%n", (after - before) / 1e6, heapPerFlow);
        System.out.printf(Locale.ROOT, "RESULT packets=%d bytes=%d flows=%d cold_s=%.3f warm_median_s=%.3f pps=%.0f mbps=%.1f heap_per_flow=%.0f%n",
                packets, size, flows, cold, median, packets / median, size / median / 1e6, heapPerFlow);
    }

    private static void report(String label, long packets, long size, double seconds) {
        System.out.printf(Locale.ROOT, "%-8s %7.3f s  %,12.0f packets/s  %8.1f MB/s%n", label, seconds, packets / seconds, size / seconds / 1e6);
    }

    /** Heap in use after a full collection (several, until it settles). */
    private static long retainedHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            long u = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    u += pool.getUsage().getUsed();
                }
            }
            used = Math.min(used, u);
        }
        return used;
    }
}
