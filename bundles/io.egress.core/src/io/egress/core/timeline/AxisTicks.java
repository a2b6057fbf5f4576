package io.egress.core.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick marks for the time axis: a round step (1-2-5 below a second, clock units above) that leaves
 * at least {@code minPixels} between labels, labelled in absolute time in a zone or relative to
 * the capture start.
 */
public final class AxisTicks {
    public record Tick(long nanos, String label) {
    }

    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long MIN = 60 * S;
    private static final long H = 60 * MIN;
    private static final long D = 24 * H;
    private static final long[] STEPS = { 1, 2, 5, 10, 20, 50, 100, 200, 500, US, 2 * US, 5 * US, 10 * US, 20 * US, 50 * US,
            100 * US, 200 * US, 500 * US, MS, 2 * MS, 5 * MS, 10 * MS, 20 * MS, 50 * MS, 100 * MS, 200 * MS, 500 * MS, S, 2 * S,
            5 * S, 10 * S, 15 * S, 30 * S, MIN, 2 * MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN, H, 2 * H, 3 * H, 6 * H, 12 * H, D,
            2 * D, 7 * D, 14 * D, 30 * D, 91 * D, 365 * D, 730 * D, 1826 * D, 3652 * D };

    private AxisTicks() {
    }

    /** The smallest round step that keeps ticks {@code minPixels} apart. */
    public static long step(TimeWindow window, int width, int minPixels) {
        for (long step : STEPS) {
            if ((double) step * width / window.span() >= minPixels) {
                return step;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    /** Ticks aligned to the zone's wall clock. */
    public static List<Tick> absolute(TimeWindow window, int width, int minPixels, ZoneId zone) {
        long step = step(window, width, minPixels);
        long offset = zone.getRules().getOffset(Instant.ofEpochSecond(Math.floorDiv(window.startNanos(), S))).getTotalSeconds() * S;
        DateTimeFormatter format = DateTimeFormatter.ofPattern(absolutePattern(step), Locale.ROOT).withZone(zone);
        List<Tick> ticks = new ArrayList<>();
        long t = Math.floorDiv(window.startNanos() + offset, step) * step - offset;
        for (; t < window.endNanos(); t += step) {
            if (t >= window.startNanos()) {
                ticks.add(new Tick(t, format.format(Instant.ofEpochSecond(Math.floorDiv(t, S), Math.floorMod(t, S)))));
            }
        }
        return ticks;
    }

    /** Ticks at round offsets from {@code originNanos}, labelled "+1.5 s", "+00:12:00"... */
    public static List<Tick> relative(TimeWindow window, int width, int minPixels, long originNanos) {
        long step = step(window, width, minPixels);
        List<Tick> ticks = new ArrayList<>();
        long t = Math.floorDiv(window.startNanos() - originNanos, step) * step + originNanos;
        for (; t < window.endNanos(); t += step) {
            if (t >= window.startNanos()) {
                ticks.add(new Tick(t, relativeLabel(t - originNanos, step)));
            }
        }
        return ticks;
    }

    /** The date and zone the absolute labels leave out, for the axis corner. */
    public static String context(TimeWindow window, ZoneId zone) {
        ZonedDateTime at = Instant.ofEpochSecond(Math.floorDiv(window.startNanos(), S)).atZone(zone);
        return DateTimeFormatter.ofPattern("yyyy-MM-dd VV (xxx)", Locale.ROOT).format(at);
    }

    private static String absolutePattern(long step) {
        if (step >= D) {
            return "yyyy-MM-dd";
        }
        if (step >= MIN) {
            return "HH:mm";
        }
        if (step >= S) {
            return "HH:mm:ss";
        }
        if (step >= MS) {
            return "HH:mm:ss.SSS";
        }
        if (step >= US) {
            return "ss.SSSSSS";
        }
        return "ss.SSSSSSSSS";
    }

    static String relativeLabel(long offsetNanos, long step) {
        String sign = offsetNanos < 0 ? "-" : "+";
        long a = Math.abs(offsetNanos);
        if (step >= D) {
            return sign + (a / D) + " d";
        }
        if (step >= MIN) {
            return String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, a / H, a / MIN % 60, a / S % 60);
        }
        if (step >= S) {
            return sign + (a / S) + " s";
        }
        if (step >= MS) {
            return String.format(Locale.ROOT, "%s%.3f s", sign, a / 1e9);
        }
        if (step >= US) {
            return String.format(Locale.ROOT, "%s%.6f s", sign, a / 1e9);
        }
        return String.format(Locale.ROOT, "%s%.9f s", sign, a / 1e9);
    }
}
