package io.egress.ui.internal.session;

/**
 * A time range in epoch nanoseconds, inclusive; views show flows that overlap it.
 *
 * @param source which view posted it
 */
public record TimeRange(long startNanos, long endNanos, String source) {
    public static final TimeRange ALL = new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE, "");

    public boolean isAll() {
        return startNanos == Long.MIN_VALUE && endNanos == Long.MAX_VALUE;
    }

    public boolean overlaps(long firstNanos, long lastNanos) {
        return lastNanos >= startNanos && firstNanos <= endNanos;
    }
}
