package io.egress.live.internal;

import java.time.Duration;
import java.util.Arrays;

/** Median and maximum of the most recent trigger delays (a ring of the last 4,096). Thread-safe. */
public final class DelayRecorder {
    private final long[] ring = new long[4096];
    private int count;
    private long max;

    public synchronized void record(Duration delay) {
        long n = Math.max(0, delay.toNanos());
        ring[count++ % ring.length] = n;
        max = Math.max(max, n);
    }

    public synchronized Duration median() {
        int n = Math.min(count, ring.length);
        if (n == 0) {
            return Duration.ZERO;
        }
        long[] copy = Arrays.copyOf(ring, n);
        Arrays.sort(copy);
        return Duration.ofNanos(copy[n / 2]);
    }

    public synchronized Duration max() {
        return Duration.ofNanos(max);
    }
}
