package io.egress.core.timeline;

/**
 * One row's activity at pixel resolution: for each of {@code width} columns of {@code window},
 * how many flows overlap it and an estimate of the packets inside it. Flows only carry first/last
 * time and counts, so a flow's packets are spread evenly over its duration.
 */
public final class Buckets {
    private final TimeWindow window;
    private final int[] flows;
    private final float[] packets;

    Buckets(TimeWindow window, int[] flows, float[] packets) {
        this.window = window;
        this.flows = flows;
        this.packets = packets;
    }

    public TimeWindow window() {
        return window;
    }

    public int width() {
        return flows.length;
    }

    /** Flows overlapping column {@code x}. */
    public int flows(int x) {
        return flows[x];
    }

    /** Estimated packets in column {@code x}. */
    public float packets(int x) {
        return packets[x];
    }

    /** Estimated packets per second in column {@code x}. */
    public double packetsPerSecond(int x) {
        return packets[x] * 1e9 * width() / window.span();
    }

    /** First covered column, or -1 when nothing is visible. */
    public int firstCovered() {
        for (int x = 0; x < flows.length; x++) {
            if (flows[x] > 0) {
                return x;
            }
        }
        return -1;
    }

    /** Last covered column, or -1 when nothing is visible. */
    public int lastCovered() {
        for (int x = flows.length - 1; x >= 0; x--) {
            if (flows[x] > 0) {
                return x;
            }
        }
        return -1;
    }
}
