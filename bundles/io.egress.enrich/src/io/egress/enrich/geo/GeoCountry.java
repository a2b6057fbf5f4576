package io.egress.enrich.geo;

/** A country: ISO 3166-1 alpha-2 code and English name (either may be empty when the database lacks it). */
public record GeoCountry(String isoCode, String name) {
}
