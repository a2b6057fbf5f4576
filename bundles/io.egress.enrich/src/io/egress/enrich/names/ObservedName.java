package io.egress.enrich.names;

import io.egress.enrich.internal.text.PlainText;

import java.time.Instant;
import java.util.Locale;

/**
 * A name for an address and where it came from. Names come from untrusted packets and servers, so they
 * are cleaned (controls removed, lower case, no trailing dot, at most 253 characters) but never resolved.
 *
 * @param name the host name
 * @param source where it came from
 * @param observedAt when it was seen (capture time) or resolved
 * @param ttlSeconds the DNS time-to-live of the answer, or -1 when the source has none
 */
public record ObservedName(String name, NameSource source, Instant observedAt, long ttlSeconds) {
    public ObservedName {
        String clean = PlainText.clean(name, 254).toLowerCase(Locale.ROOT);
        name = clean.endsWith(".") ? clean.substring(0, clean.length() - 1) : clean;
    }

    public static ObservedName of(String name, NameSource source, Instant observedAt) {
        return new ObservedName(name, source, observedAt, -1);
    }
}
