package io.egress.enrich.geo;

import io.egress.core.net.AddressClassification;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the GeoIP databases say about one address. Each present field has an entry in
 * {@link #sources()} under its field name ({@code country}, {@code registeredCountry},
 * {@code subdivisions}, {@code city}, {@code location}, {@code asn}, {@code isp}, {@code anonymity},
 * {@code network}).
 *
 * @param address the address looked up, canonical text; IPv4-mapped IPv6 is given as the IPv4 address
 * @param classification the special-purpose class of the address
 * @param status the overall outcome
 * @param country where the address is used
 * @param registeredCountry where the network is registered (may differ, e.g. for mobile or satellite)
 * @param subdivisions ISO codes of the subdivisions, largest first
 * @param city English city name
 * @param location approximate position
 * @param asn autonomous system
 * @param isp ISP name (ISP database)
 * @param anonymity the Anonymous-IP flags set; present (possibly empty) only when such a database has a record
 * @param network the most specific network any record gave, in CIDR notation
 * @param sources field name to the database that answered it
 * @param problems one "GeoIP unavailable" sentence per database that failed for this address
 */
public record GeoAnswer(String address, AddressClassification classification, GeoLookupStatus status,
        Optional<GeoCountry> country, Optional<GeoCountry> registeredCountry, List<String> subdivisions,
        Optional<String> city, Optional<GeoLocation> location, Optional<AsnInfo> asn, Optional<String> isp,
        Optional<Set<AnonymityFlag>> anonymity, Optional<String> network, Map<String, FieldSource> sources,
        List<String> problems) {

    public GeoAnswer {
        subdivisions = List.copyOf(subdivisions);
        sources = Map.copyOf(sources);
        problems = List.copyOf(problems);
        anonymity = anonymity.map(Set::copyOf);
    }

    /** An answer with no data: not looked up, no database, or nothing found. */
    public static GeoAnswer empty(String address, AddressClassification classification, GeoLookupStatus status, List<String> problems) {
        return new GeoAnswer(address, classification, status, Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), problems);
    }

    /** Whether any database placed the address (country, subdivision, city or position), not only its network. */
    public boolean hasLocation() {
        return country.isPresent() || city.isPresent() || location.isPresent() || !subdivisions.isEmpty();
    }
}
