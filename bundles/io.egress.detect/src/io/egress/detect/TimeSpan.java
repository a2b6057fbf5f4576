package io.egress.detect;

/**
 * A closed time interval in nanoseconds since the epoch.
 *
 * @param firstNanos start
 * @param lastNanos  end, not before the start
 */
public record TimeSpan(long firstNanos, long lastNanos) {
    public TimeSpan {
        if (lastNanos < firstNanos) {
            throw new IllegalArgumentException("time span ends before it starts: " + firstNanos + " > " + lastNanos);
        }
    }

    public long durationNanos() {
        return lastNanos - firstNanos;
    }

    public double durationSeconds() {
        return durationNanos() / 1e9;
    }

    public boolean contains(long nanos) {
        return nanos >= firstNanos && nanos <= lastNanos;
    }
}
