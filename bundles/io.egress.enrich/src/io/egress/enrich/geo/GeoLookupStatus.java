package io.egress.enrich.geo;

/** The overall outcome of looking one address up in all loaded databases. */
public enum GeoLookupStatus {
    /** At least one database had a record for the address. */
    FOUND,
    /** The databases were asked and none had a record. */
    NOT_FOUND,
    /** A special-purpose address (private, loopback, documentation...): classified, not looked up. */
    NOT_LOOKED_UP,
    /** No usable database is configured. */
    NO_DATABASE,
    /** Every database that was asked failed for this address ("GeoIP unavailable"). */
    UNAVAILABLE
}
