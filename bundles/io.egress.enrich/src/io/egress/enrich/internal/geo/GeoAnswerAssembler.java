package io.egress.enrich.internal.geo;

import io.egress.core.net.AddressClassification;
import io.egress.enrich.geo.AnonymityFlag;
import io.egress.enrich.geo.AsnInfo;
import io.egress.enrich.geo.FieldSource;
import io.egress.enrich.geo.GeoAnswer;
import io.egress.enrich.geo.GeoCountry;
import io.egress.enrich.geo.GeoLocation;
import io.egress.enrich.geo.GeoLookupStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merges the records of several databases: per field, the first database (in priority order) that
 * has it wins; the network is the most specific one any record gives (an Anonymous-IP database's
 * "nothing known" record may cover a /4, an ASN record the provider's /16).
 */
public final class GeoAnswerAssembler {
    private final String address;
    private final AddressClassification classification;
    private final Map<String, FieldSource> sources = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private boolean anyRecord;
    private int answered;
    private GeoCountry country;
    private GeoCountry registeredCountry;
    private List<String> subdivisions = List.of();
    private String city;
    private GeoLocation location;
    private AsnInfo asn;
    private String isp;
    private Set<AnonymityFlag> anonymity;
    private String network;

    public GeoAnswerAssembler(String address, AddressClassification classification) {
        this.address = address;
        this.classification = classification;
    }

    /** A database answered (with or without a record). */
    public void asked() {
        answered++;
    }

    public void failed(String databaseType, String fileName, Exception e) {
        problems.add("GeoIP unavailable from " + databaseType + " (" + fileName + "): " + e.getMessage());
    }

    public void add(GeoRecord r, FieldSource source) {
        anyRecord = true;
        if (r.network() != null && (network == null || prefixLength(r.network()) > prefixLength(network))) {
            network = r.network();
            sources.put("network", source);
        }
        if (country == null && r.country() != null) {
            country = r.country();
            sources.put("country", source);
        }
        if (registeredCountry == null && r.registeredCountry() != null) {
            registeredCountry = r.registeredCountry();
            sources.put("registeredCountry", source);
        }
        if (subdivisions.isEmpty() && !r.subdivisions().isEmpty()) {
            subdivisions = r.subdivisions();
            sources.put("subdivisions", source);
        }
        if (city == null && r.city() != null && !r.city().isEmpty()) {
            city = r.city();
            sources.put("city", source);
        }
        if (location == null && r.location() != null) {
            location = r.location();
            sources.put("location", source);
        }
        if (asn == null && r.asn() != null) {
            asn = r.asn();
            sources.put("asn", source);
        }
        if (isp == null && r.isp() != null && !r.isp().isEmpty()) {
            isp = r.isp();
            sources.put("isp", source);
        }
        if (anonymity == null && r.anonymity() != null) {
            anonymity = r.anonymity();
            sources.put("anonymity", source);
        }
    }

    private static int prefixLength(String cidr) {
        int slash = cidr.indexOf('/');
        try {
            return slash < 0 ? -1 : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return -1; // not CIDR notation: any real prefix is more specific
        }
    }

    public GeoAnswer build() {
        GeoLookupStatus status;
        if (anyRecord) {
            status = GeoLookupStatus.FOUND;
        } else if (answered == 0 && !problems.isEmpty()) {
            status = GeoLookupStatus.UNAVAILABLE;
        } else {
            status = GeoLookupStatus.NOT_FOUND;
        }
        return new GeoAnswer(address, classification, status, Optional.ofNullable(country), Optional.ofNullable(registeredCountry),
                subdivisions, Optional.ofNullable(city), Optional.ofNullable(location), Optional.ofNullable(asn),
                Optional.ofNullable(isp), Optional.ofNullable(anonymity), Optional.ofNullable(network), sources, problems);
    }
}
