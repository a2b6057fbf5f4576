package io.egress.enrich.geo;

import java.util.Optional;

/** The kinds of .mmdb database Egress can read, recognised by the {@code database_type} in the metadata. */
public enum GeoDatabaseKind {
    /** MaxMind GeoIP2/GeoLite2 City, DB-IP City Lite: country, subdivisions, city, location. */
    CITY("city"),
    /** MaxMind GeoIP2/GeoLite2 Country, DB-IP Country Lite. */
    COUNTRY("country"),
    /** MaxMind GeoLite2 ASN and compatible (DB-IP ASN Lite declares "compat=GeoLite2-ASN"). */
    ASN("asn"),
    /** MaxMind GeoIP2 ISP: ASN plus ISP and organisation. */
    ISP("isp"),
    /** MaxMind GeoIP2 Anonymous-IP: VPN, proxy, Tor and hosting flags. */
    ANONYMOUS_IP("anonymous-ip"),
    /** IPinfo Lite: a flat schema read through a documented field mapping (see docs/enrichment.md). */
    IPINFO_LITE("ipinfo-lite");

    private final String id;

    GeoDatabaseKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * Recognises a database type the way the geoip2 library does (by the names it contains), so that
     * compatible databases such as DB-IP Lite are accepted; anything else is not supported.
     */
    public static Optional<GeoDatabaseKind> fromDatabaseType(String databaseType) {
        if (databaseType == null) {
            return Optional.empty();
        }
        if (databaseType.contains("GeoIP2-Anonymous-IP")) {
            return Optional.of(ANONYMOUS_IP);
        }
        if (databaseType.contains("GeoLite2-ASN")) {
            return Optional.of(ASN);
        }
        if (databaseType.contains("GeoIP2-ISP")) {
            return Optional.of(ISP);
        }
        if (databaseType.contains("City")) {
            return Optional.of(CITY);
        }
        if (databaseType.contains("Country")) {
            return Optional.of(COUNTRY);
        }
        if (databaseType.startsWith("ipinfo") && databaseType.contains("lite")) {
            return Optional.of(IPINFO_LITE);
        }
        return Optional.empty();
    }
}
