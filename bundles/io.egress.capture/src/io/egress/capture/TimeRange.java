package io.egress.capture;

import io.egress.capture.pcap.Timestamp;
import java.util.Optional;

/**
 * Earliest and latest packet time of a file, compared as capinfos does: seconds first, then the
 * difference of the fractions as stored, in wrapping 32-bit arithmetic (so an out-of-range fraction
 * never moves a packet into another second, and its order within the second matches capinfos).
 * Each end keeps the precision of the packet it came from.
 */
final class TimeRange {
    private boolean any;
    private long minSeconds;
    private int minNanos;
    private int minDigits;
    private long maxSeconds;
    private int maxNanos;
    private int maxDigits;

    void add(long seconds, int nanos, int digits) {
        if (!any || seconds < minSeconds || (seconds == minSeconds && nanos - minNanos < 0)) {
            minSeconds = seconds;
            minNanos = nanos;
            minDigits = digits;
        }
        if (!any || seconds > maxSeconds || (seconds == maxSeconds && nanos - maxNanos > 0)) {
            maxSeconds = seconds;
            maxNanos = nanos;
            maxDigits = digits;
        }
        any = true;
    }

    Optional<Timestamp> earliest() {
        return any ? Optional.of(new Timestamp(minSeconds, minNanos, minDigits)) : Optional.empty();
    }

    Optional<Timestamp> latest() {
        return any ? Optional.of(new Timestamp(maxSeconds, maxNanos, maxDigits)) : Optional.empty();
    }
}
