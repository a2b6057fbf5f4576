package io.egress.workspace;

import java.util.Objects;

/**
 * An answer about an address from an enrichment source, kept as the source gave it.
 *
 * @param address    the address in text form (RFC 5952 for IPv6)
 * @param kind       what was asked: {@code geoip}, {@code rdap}, {@code rdns}... ({@link #GEOIP}
 *                   answers carrying {@code "asn"} and {@code "country"} fields feed the diff)
 * @param source     where it came from, e.g. the database file and build date, or the RDAP server
 * @param timeMillis when it was answered, epoch milliseconds
 * @param json       the answer as JSON text (for example {@code IpDetailsJson}'s form)
 */
public record EnrichmentAnswer(String address, String kind, String source, long timeMillis, String json) {
    /** Kind of GeoIP/ASN answers. */
    public static final String GEOIP = "geoip";
    /** Kind of RDAP registration answers. */
    public static final String RDAP = "rdap";

    public EnrichmentAnswer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(json, "json");
    }
}
