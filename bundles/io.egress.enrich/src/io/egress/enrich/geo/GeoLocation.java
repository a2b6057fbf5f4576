package io.egress.enrich.geo;

import java.util.OptionalInt;

/**
 * An approximate position (WGS 84). GeoIP positions are the centre of an area, not a street address:
 * the accuracy radius says how wide that area is.
 */
public record GeoLocation(double latitude, double longitude, OptionalInt accuracyRadiusKm) {
}
