package io.egress.capture.internal.reader;

/**
 * What a pcapng Interface Description Block says about the packets of its interface: link type,
 * snap length and how to turn the 64-bit timestamp units into seconds and nanoseconds.
 */
final class PcapngInterface {
    final int linkType;
    final int snapLength;
    /** Units per second when if_tsresol is a power of ten (10^digits); 0 for a power of two. */
    private final long unitsPerSecond;
    /** Exponent when if_tsresol is a power of two, else -1. */
    private final int binaryExponent;
    /** Fraction digits the timestamps are printed with (at most 9). */
    final int digits;
    /** if_tsoffset: seconds added to every timestamp. */
    private final long offsetSeconds;

    PcapngInterface(int linkType, int snapLength, int tsresol, long offsetSeconds) {
        this.linkType = linkType;
        this.snapLength = snapLength;
        this.offsetSeconds = offsetSeconds;
        if ((tsresol & 0x80) != 0) {
            binaryExponent = tsresol & 0x7f;
            unitsPerSecond = 0;
            digits = 9;
        } else {
            binaryExponent = -1;
            long units = 1;
            for (int i = 0; i < tsresol; i++) {
                units *= 10;
            }
            unitsPerSecond = units;
            digits = Math.min(tsresol, 9);
        }
    }

    /** Whether if_tsresol is one this reader can convert (10^0..10^18 or 2^0..2^63). */
    static boolean supported(int tsresol) {
        return (tsresol & 0x80) != 0 ? (tsresol & 0x7f) < 64 : tsresol <= 18;
    }

    long seconds(long units) {
        long s = binaryExponent >= 0 ? units >>> binaryExponent : Long.divideUnsigned(units, unitsPerSecond);
        return s + offsetSeconds;
    }

    int nanos(long units) {
        if (binaryExponent >= 0) {
            long rest = binaryExponent == 0 ? 0 : units & ((1L << binaryExponent) - 1);
            // rest / 2^e in nanoseconds; the multiplication cannot overflow for e <= 33, shift first beyond that.
            return binaryExponent <= 33 ? (int) ((rest * 1_000_000_000L) >>> binaryExponent)
                    : (int) (((rest >>> (binaryExponent - 30)) * 1_000_000_000L) >>> 30);
        }
        long rest = Long.remainderUnsigned(units, unitsPerSecond);
        if (unitsPerSecond <= 1_000_000_000L) {
            return (int) (rest * (1_000_000_000L / unitsPerSecond));
        }
        return (int) (rest / (unitsPerSecond / 1_000_000_000L));
    }
}
