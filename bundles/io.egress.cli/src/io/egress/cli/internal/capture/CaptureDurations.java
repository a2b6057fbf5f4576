package io.egress.cli.internal.capture;

import io.egress.cli.internal.UsageException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses "10s", "500ms", "2m", "1h" (a bare number is seconds). */
final class CaptureDurations {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    private CaptureDurations() {
    }

    static Duration parse(String option, String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new UsageException("--" + option + " must look like 10s, 500ms, 2m or 1h, not '" + text + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 1000;
        };
        if (millis <= 0) {
            throw new UsageException("--" + option + " must be above zero");
        }
        return Duration.ofMillis((long) millis);
    }
}
