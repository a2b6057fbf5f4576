package io.egress.ui.timeline.internal;

import java.util.Locale;

/** Short human durations: "850 ns", "12.5 ms", "3.2 s", "14 min", "6.0 h", "3.5 d". */
final class Durations {
    private Durations() {
    }

    static String format(long nanos) {
        double n = nanos;
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", n / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", n / 1e6);
        }
        if (nanos < 120_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f s", n / 1e9);
        }
        if (nanos < 7_200_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f min", n / 6e10);
        }
        if (nanos < 172_800_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f h", n / 3.6e12);
        }
        return String.format(Locale.ROOT, "%.1f d", n / 8.64e13);
    }
}
