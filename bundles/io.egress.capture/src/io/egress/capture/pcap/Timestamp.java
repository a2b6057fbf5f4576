package io.egress.capture.pcap;

/**
 * A packet time as the capture file stored it: whole seconds since the epoch, a fraction in
 * nanoseconds and the number of fraction digits the file provides (6 for microsecond files, 9 for
 * nanosecond ones). {@link #toString()} prints {@code seconds.fraction} at that precision exactly as
 * capinfos does, including files whose fraction field is out of range.
 *
 * @param seconds seconds since 1970-01-01T00:00:00Z
 * @param nanos   fraction in nanoseconds; normally 0..999,999,999, but kept as the file gave it
 *                (as a signed 32-bit value) when it is not
 * @param digits  fraction digits of the file's resolution, 0..9
 */
public record Timestamp(long seconds, int nanos, int digits) {
    private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

    public Timestamp {
        if (digits < 0 || digits > 9) {
            throw new IllegalArgumentException("digits must be 0..9: " + digits);
        }
    }

    /** Nanoseconds since the epoch (out-of-range fractions are added as they are). */
    public long epochNanos() {
        return seconds * 1_000_000_000L + nanos;
    }

    /** Decimal seconds at the file's precision, e.g. {@code 1418145369.924505488}. */
    @Override
    public String toString() {
        return format(seconds, nanos, digits);
    }

    /** Formats like {@link #toString()} without building a record. */
    /**
     * The time as a UTC date and time with the file's fraction digits, e.g.
     * {@code 2011-03-20 14:26:07.096535 UTC} (what an analyst reads; {@link #toString()} is the
     * epoch form tshark prints).
     */
    public String toUtcText() {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC);
        String epoch = format(seconds, nanos, digits);
        int dot = epoch.indexOf('.');
        return t.toLocalDate() + " " + t.toLocalTime().withNano(0).format(java.time.format.DateTimeFormatter.ISO_LOCAL_TIME)
                + (dot < 0 ? "" : epoch.substring(dot)) + " UTC";
    }

    public static String format(long seconds, int nanos, int digits) {
        if (digits == 0) {
            return Long.toString(seconds);
        }
        // Like C's printf("%0*d"): a negative (invalid) fraction is printed with its sign, unpadded.
        int fraction = nanos / POW10[9 - digits];
        String f = Integer.toString(fraction);
        if (fraction < 0 || f.length() >= digits) {
            return seconds + "." + f;
        }
        return seconds + "." + "0".repeat(digits - f.length()) + f;
    }

    /** Formats nanoseconds since the epoch at the given number of fraction digits. */
    public static String formatEpochNanos(long epochNanos, int digits) {
        return format(Math.floorDiv(epochNanos, 1_000_000_000L), (int) Math.floorMod(epochNanos, 1_000_000_000L), digits);
    }
}
