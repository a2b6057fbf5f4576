package io.egress.enrich.geo;

/** An autonomous system: its number and the organisation the database names for it (may be empty). */
public record AsnInfo(long number, String organization) {
}
