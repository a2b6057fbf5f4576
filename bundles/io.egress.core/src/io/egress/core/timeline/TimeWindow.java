package io.egress.core.timeline;

/**
 * The visible stretch of time, [startNanos, endNanos), and its mapping to pixel columns. Pixel
 * {@code x} of a {@code width}-pixel graph covers {@code [start + x*span/width, start + (x+1)*span/width)};
 * bars and buckets use the same mapping so a flow's bar starts exactly at {@link #pixelOf} of its first packet.
 */
public record TimeWindow(long startNanos, long endNanos) {
    /** Below a microsecond per screen nothing useful is left to see. */
    public static final long MIN_SPAN_NANOS = 1_000;

    public TimeWindow {
        if (endNanos - startNanos < 1) {
            throw new IllegalArgumentException("empty window: " + startNanos + ".." + endNanos);
        }
    }

    /** A window over [first, last], widened to the minimum span when shorter. */
    public static TimeWindow covering(long first, long last) {
        long span = Math.max(MIN_SPAN_NANOS, last - first);
        long mid = first + (last - first) / 2;
        return last - first >= MIN_SPAN_NANOS ? new TimeWindow(first, last) : new TimeWindow(mid - span / 2, mid - span / 2 + span);
    }

    public long span() {
        return endNanos - startNanos;
    }

    /** The pixel column of a time; may be outside 0..width-1 for times outside the window. */
    public int pixelOf(long nanos, int width) {
        double x = Math.floor((double) (nanos - startNanos) * width / span());
        return (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, x));
    }

    /** The start time of a pixel column. */
    public long nanosAt(double x, int width) {
        return startNanos + (long) (x * span() / width);
    }

    public boolean overlaps(long first, long last) {
        return last >= startNanos && first < endNanos;
    }

    /**
     * Zooms by {@code factor} (below 1 zooms in) keeping {@code anchorNanos} at the same place on
     * screen, as maps do under the mouse pointer.
     */
    public TimeWindow zoom(long anchorNanos, double factor) {
        long newSpan = Math.max(MIN_SPAN_NANOS, (long) (span() * factor));
        double anchorShare = (double) (anchorNanos - startNanos) / span();
        long start = anchorNanos - (long) (anchorShare * newSpan);
        return new TimeWindow(start, start + newSpan);
    }

    public TimeWindow pan(long deltaNanos) {
        return new TimeWindow(startNanos + deltaNanos, endNanos + deltaNanos);
    }

    /** Keeps the window inside [lo, hi] where it fits; wider than that shows all of it. */
    public TimeWindow clampTo(long lo, long hi) {
        if (hi - lo <= 0) {
            return this;
        }
        if (span() >= hi - lo) {
            return new TimeWindow(lo, hi);
        }
        if (startNanos < lo) {
            return new TimeWindow(lo, lo + span());
        }
        if (endNanos > hi) {
            return new TimeWindow(hi - span(), hi);
        }
        return this;
    }

    /** This window moved (not resized) so that [first, last] is inside, when it fits. */
    public TimeWindow reveal(long first, long last) {
        if (first >= startNanos && last <= endNanos) {
            return this;
        }
        if (last - first > span() * 9 / 10) {
            return around(first, last);
        }
        long mid = first + (last - first) / 2;
        return new TimeWindow(mid - span() / 2, mid - span() / 2 + span());
    }

    /** [first, last] with a 5 % margin each side: "zoom to selection". */
    public static TimeWindow around(long first, long last) {
        long margin = Math.max(MIN_SPAN_NANOS / 2, (last - first) / 20);
        return covering(first - margin, last + margin);
    }
}
