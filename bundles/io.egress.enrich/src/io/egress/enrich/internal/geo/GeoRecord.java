package io.egress.enrich.internal.geo;

import io.egress.enrich.geo.AnonymityFlag;
import io.egress.enrich.geo.AsnInfo;
import io.egress.enrich.geo.GeoCountry;
import io.egress.enrich.geo.GeoLocation;

import java.util.List;
import java.util.Set;

/**
 * The record one database holds for one address, in Egress's terms. Fields the database does not
 * provide are null (internal type; the API exposes Optionals).
 */
public record GeoRecord(String network, GeoCountry country, GeoCountry registeredCountry, List<String> subdivisions,
        String city, GeoLocation location, AsnInfo asn, String isp, Set<AnonymityFlag> anonymity) {

    static Builder builder(String network) {
        return new Builder(network);
    }

    static final class Builder {
        private final String network;
        private GeoCountry country;
        private GeoCountry registeredCountry;
        private List<String> subdivisions = List.of();
        private String city;
        private GeoLocation location;
        private AsnInfo asn;
        private String isp;
        private Set<AnonymityFlag> anonymity;

        private Builder(String network) {
            this.network = network;
        }

        Builder country(GeoCountry c) { country = c; return this; }

        Builder registeredCountry(GeoCountry c) { registeredCountry = c; return this; }

        Builder subdivisions(List<String> s) { subdivisions = List.copyOf(s); return this; }

        Builder city(String c) { city = c; return this; }

        Builder location(GeoLocation l) { location = l; return this; }

        Builder asn(AsnInfo a) { asn = a; return this; }

        Builder isp(String i) { isp = i; return this; }

        Builder anonymity(Set<AnonymityFlag> a) { anonymity = Set.copyOf(a); return this; }

        GeoRecord build() {
            return new GeoRecord(network, country, registeredCountry, subdivisions, city, location, asn, isp, anonymity);
        }
    }
}
