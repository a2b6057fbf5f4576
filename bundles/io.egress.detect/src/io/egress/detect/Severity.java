package io.egress.detect;

import java.util.Locale;

/** How urgently a finding deserves an analyst's attention, from least to most. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** Lower-case id used in plugin.xml, JSON and the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity with this id (case-insensitive). */
    public static Severity fromId(String id) {
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + id + "': use info, low, medium, high or critical", e);
        }
    }

    /** This severity moved up or down by {@code steps}, staying within INFO..CRITICAL. */
    public Severity shifted(int steps) {
        Severity[] all = values();
        return all[Math.max(0, Math.min(all.length - 1, ordinal() + steps))];
    }
}
