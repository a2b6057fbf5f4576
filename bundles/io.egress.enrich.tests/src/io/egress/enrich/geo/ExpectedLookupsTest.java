package io.egress.enrich.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.net.AddressClass;
import io.egress.core.net.IpAddresses;
import io.egress.tests.support.SharedData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@code ../shared/geoip/expected_lookups.tsv} through {@link GeoIpService}, one database at a time.
 * The product reduces IPv4-mapped IPv6 to IPv4 first, so a {@code ::ffff:a.b.c.d} row must answer like the
 * database's own {@code a.b.c.d} row (for MaxMind databases that equals the row itself; for IPinfo Lite, whose
 * file has no mapped alias, it is the documented difference: the product finds what the raw reader misses;
 * {@link MappedProbeRawReaderTest} checks the raw rows). Special-purpose probes are classified, not looked up.
 */
class ExpectedLookupsTest {
    /** Test data outside global unicast (2000::/3): a real address there is never routed, so it is classified, not looked up. */
    private static final Set<String> SYNTHETIC_SPECIAL_ROWS = Set.of("abcd:1000::");
    private static final Map<String, GeoIpService> SERVICES = new ConcurrentHashMap<>();

    record Row(String db, String sourceNetwork, String probe, int prefix, boolean found, String country, String registered,
            String subdivisions, String city, String asn, String asOrg, String flags) {
        @Override
        public String toString() {
            return db + " " + probe;
        }
    }

    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.geoip().resolve("expected_lookups.tsv"), StandardCharsets.UTF_8);
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
            String[] f = l.split("\t", -1);
            return new Row(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4].equals("found"), f[5], f[6], f[7], f[8], f[9], f[10], f[11]);
        }).toList();
    }

    static Stream<Row> allRows() throws IOException {
        return rows().stream();
    }

    @AfterAll
    static void closeAll() {
        SERVICES.values().forEach(GeoIpService::close);
    }

    private static GeoIpService service(String db) {
        return SERVICES.computeIfAbsent(db, d -> GeoIpService.open(GeoIpConfig.onlyFiles(List.of(SharedData.geoip().resolve(d)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allRows")
    void answersAsTheReferenceReader(Row row) throws IOException {
        Row expected = row;
        byte[] raw = IpAddresses.parseLiteral(row.probe());
        byte[] unmapped = IpAddresses.unmapV4(raw);
        boolean mapped = unmapped.length != raw.length;
        if (mapped) {
            String v4 = IpAddresses.format(unmapped);
            expected = rows().stream().filter(r -> r.db().equals(row.db()) && r.probe().equals(v4)).findFirst().orElseThrow();
        }
        GeoAnswer a = service(row.db()).lookup(row.probe());
        assertEquals(IpAddresses.format(unmapped), a.address());
        if (a.classification().addressClass() != AddressClass.PUBLIC) {
            assertEquals(GeoLookupStatus.NOT_LOOKED_UP, a.status(), "special-purpose address must not be looked up");
            assertTrue(!expected.found() || row.sourceNetwork().equals("(extra probe)") || SYNTHETIC_SPECIAL_ROWS.contains(row.probe()),
                    "a data row was classified as special: " + a.classification());
            return;
        }
        if (!expected.found()) {
            assertEquals(GeoLookupStatus.NOT_FOUND, a.status(), () -> "unexpected answer " + a);
            return;
        }
        assertEquals(GeoLookupStatus.FOUND, a.status(), () -> "problems: " + a.problems());
        assertTrue(a.problems().isEmpty(), () -> a.problems().toString());
        int expectedPrefix = expected.prefix();
        assertEquals(expectedPrefix, Integer.parseInt(a.network().orElseThrow().split("/")[1]), "prefix length");
        assertEquals(expected.country(), a.country().map(GeoCountry::isoCode).orElse(""), "country");
        assertEquals(expected.registered(), a.registeredCountry().map(GeoCountry::isoCode).orElse(""), "registered country");
        assertEquals(expected.subdivisions(), String.join(";", a.subdivisions()), "subdivisions");
        assertEquals(expected.city(), a.city().orElse(""), "city");
        String asnText = a.asn().map(x -> row.db().startsWith("ipinfo") ? "AS" + x.number() : Long.toString(x.number())).orElse("");
        assertEquals(expected.asn(), asnText, "asn");
        assertEquals(expected.asOrg(), a.asn().map(AsnInfo::organization).orElse(""), "as organisation");
        String flags = a.anonymity().map(s -> s.stream().map(AnonymityFlag::id).sorted().collect(Collectors.joining(","))).orElse("");
        assertEquals(expected.flags(), flags, "anonymity flags");
        if (row.db().startsWith("GeoIP2-Anonymous")) {
            assertTrue(a.anonymity().isPresent(), "an Anonymous-IP record, even empty, says the address was checked");
        }
        FieldSource src = a.sources().get("network");
        assertEquals(Optional.of(src), Optional.ofNullable(src));
        assertTrue(Files.exists(SharedData.geoip().resolve(src.fileName())));
        assertTrue(src.buildDate().getEpochSecond() > 0, "build date");
        assertTrue(!src.databaseType().isEmpty(), "database type");
    }

    static Path geoip() {
        return SharedData.geoip();
    }
}
