package io.egress.enrich.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.enrich.internal.geo.RawTestDatabase;
import io.egress.tests.support.SharedData;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each broken or edge-case database of ../shared/geoip/SOURCES.md behaves as that file asks. */
class BrokenDatabasesTest {

    private static Path db(String name) {
        return SharedData.geoip().resolve(name);
    }

    private static GeoIpService rawService(String name) throws Exception {
        return new GeoIpService(List.of(new RawTestDatabase(db(name))), new GeoCatalogue(List.of(), List.of()));
    }

    @Test
    void brokenDoubleFormatFailsPerLookupAndLogsOnce() {
        try (LogRecorder log = new LogRecorder(GeoIpService.class);
                GeoIpService geo = GeoIpService.open(GeoIpConfig.onlyFiles(List.of(db("GeoIP2-City-Test-Broken-Double-Format.mmdb"))))) {
            assertEquals(GeoDatabaseStatus.LOADED, geo.catalogue().databases().get(0).status());
            GeoAnswer london = geo.lookup("81.2.69.142");
            assertEquals(GeoLookupStatus.UNAVAILABLE, london.status());
            assertTrue(london.problems().get(0).startsWith("GeoIP unavailable from GeoIP2-City"), london.problems()::toString);
            assertEquals(GeoLookupStatus.UNAVAILABLE, geo.lookup("2001:218::1").status());
            assertEquals(GeoLookupStatus.NOT_FOUND, geo.lookup("1.1.1.1").status(), "other addresses are simply not found");
            assertEquals(GeoLookupStatus.UNAVAILABLE, geo.lookup("81.2.69.142").status(), "failures are not cached as answers");
            assertEquals(1, log.records.size(), "logged once per database");
        }
    }

    @Test
    void brokenDoubleFormatDoesNotHideOtherDatabases() {
        try (GeoIpService geo = GeoIpService.open(GeoIpConfig.onlyFiles(List.of(db("GeoIP2-City-Test-Broken-Double-Format.mmdb"),
                db("GeoIP2-Anonymous-IP-Test.mmdb"))))) {
            GeoAnswer a = geo.lookup("81.2.69.142");
            assertEquals(GeoLookupStatus.FOUND, a.status());
            assertTrue(a.anonymity().orElseThrow().contains(AnonymityFlag.TOR_EXIT_NODE));
            assertEquals(1, a.problems().size());
        }
    }

    @Test
    void invalidNodeCountIsRefusedAtLoadWithAClearMessage() {
        try (GeoIpService geo = GeoIpService.open(GeoIpConfig.onlyFiles(List.of(db("GeoIP2-City-Test-Invalid-Node-Count.mmdb"))))) {
            GeoDatabaseInfo info = geo.catalogue().databases().get(0);
            assertEquals(GeoDatabaseStatus.CORRUPT, info.status());
            assertTrue(info.detail().contains("node_count 100000"), info.detail());
            assertFalse(geo.catalogue().hasUsableDatabase());
            assertEquals(GeoLookupStatus.NO_DATABASE, geo.lookup("81.2.69.142").status());
        }
    }

    @Test
    void ipv4OnlyDatabaseTakesMappedAddressesAndDoesNotCoverIpv6() throws Exception {
        try (GeoIpService geo = rawService("MaxMind-DB-test-ipv4-24.mmdb")) {
            assertEquals("1.1.1.1/32", geo.lookup("1.1.1.1").network().orElseThrow());
            assertEquals("1.1.1.2/31", geo.lookup("1.1.1.3").network().orElseThrow());
            GeoAnswer mapped = geo.lookup("::ffff:1.1.1.1");
            assertEquals("1.1.1.1", mapped.address());
            assertEquals("1.1.1.1/32", mapped.network().orElseThrow());
            GeoAnswer v6 = geo.lookup("2001:218::1");
            assertEquals(GeoLookupStatus.NOT_FOUND, v6.status());
            assertTrue(v6.problems().isEmpty(), "native IPv6 is not covered, not an error");
        }
    }

    @Test
    void ipv6DatabaseWithoutIpv4TreeDoesNotInventIpv4Records() throws Exception {
        try (GeoIpService geo = rawService("MaxMind-DB-no-ipv4-search-tree.mmdb")) {
            assertEquals(GeoLookupStatus.NOT_FOUND, geo.lookup("1.1.1.1").status());
            assertEquals(GeoLookupStatus.NOT_FOUND, geo.lookup("::ffff:1.1.1.1").status());
            assertEquals(GeoLookupStatus.NOT_FOUND, geo.lookup("2001:218::1").status());
        }
    }

    @Test
    void brokenPointersFailPerLookupWithoutPoisoningLaterOnes() throws Exception {
        try (GeoIpService geo = rawService("MaxMind-DB-test-broken-pointers-24.mmdb")) {
            for (int i = 1; i <= 15; i++) {
                assertEquals(GeoLookupStatus.FOUND, geo.lookup("1.1.1." + i).status(), "1.1.1." + i);
            }
            for (int i = 16; i <= 32; i++) {
                GeoAnswer a = geo.lookup("1.1.1." + i);
                assertEquals(GeoLookupStatus.UNAVAILABLE, a.status(), "1.1.1." + i);
            }
            assertEquals(GeoLookupStatus.FOUND, geo.lookup("1.1.1.1").status(), "a failure does not poison the next lookup");
            assertEquals(GeoLookupStatus.UNAVAILABLE, geo.lookup("1.1.1.16").status(), "nor is a failure cached as an answer");
        }
    }

    @Test
    void corruptSearchTreeNeitherHangsNorCrashes() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (GeoIpService geo = GeoIpService.open(GeoIpConfig.onlyFiles(List.of(db("libmaxminddb-corrupt-search-tree.mmdb"))));
                    GeoIpService raw = rawService("libmaxminddb-corrupt-search-tree.mmdb")) {
                assertFalse(geo.catalogue().hasUsableDatabase(), "type 'Test' has no GeoIP schema");
                for (String a : List.of("1.1.1.1", "81.2.69.142", "255.255.255.254", "2001:218::1")) {
                    geo.lookup(a);
                    raw.lookup(a);
                }
            }
        });
    }

    @Test
    void ipinfoLiteIsReadThroughTheFieldMapping() {
        try (GeoIpService geo = GeoIpService.open(GeoIpConfig.onlyFiles(List.of(db("ipinfo_lite_sample.mmdb"))))) {
            GeoDatabaseInfo info = geo.catalogue().databases().get(0);
            assertEquals(GeoDatabaseKind.IPINFO_LITE, info.kind().orElseThrow());
            GeoAnswer a = geo.lookup("1.1.1.1");
            assertEquals(new GeoCountry("AU", "Australia"), a.country().orElseThrow());
            assertEquals(new AsnInfo(13335, "Cloudflare, Inc."), a.asn().orElseThrow());
            assertEquals("ipinfo ipinfo_lite_sample.mmdb", a.sources().get("asn").databaseType());
            assertEquals("2025-08-13", a.sources().get("asn").buildDay());
        }
    }

    @Test
    void wholeSharedFolderCataloguesEveryFileAndAnswersFromTheGoodOnes() {
        try (GeoIpService geo = GeoIpService.open(GeoIpConfig.onlyFolders(List.of(SharedData.geoip())))) {
            Map<String, GeoDatabaseStatus> status = geo.catalogue().databases().stream()
                    .collect(Collectors.toMap(d -> d.file().getFileName().toString(), GeoDatabaseInfo::status));
            assertEquals(14, status.size());
            assertEquals(GeoDatabaseStatus.LOADED, status.get("GeoIP2-City-Test.mmdb"));
            assertEquals(GeoDatabaseStatus.SUPERSEDED, status.get("GeoIP2-City-Test-Broken-Double-Format.mmdb"));
            assertEquals(GeoDatabaseStatus.CORRUPT, status.get("GeoIP2-City-Test-Invalid-Node-Count.mmdb"));
            assertEquals(GeoDatabaseStatus.UNSUPPORTED, status.get("MaxMind-DB-test-ipv4-24.mmdb"));
            assertEquals(GeoDatabaseStatus.LOADED, status.get("ipinfo_lite_sample.mmdb"));
            GeoAnswer a = geo.lookup("81.2.69.142");
            assertEquals("GB", a.country().orElseThrow().isoCode());
            assertEquals("United Kingdom", a.country().orElseThrow().name());
            assertEquals("London", a.city().orElseThrow());
            assertEquals("GeoIP2-City", a.sources().get("city").databaseType());
            assertEquals("2026-02-04", a.sources().get("city").buildDay());
            assertTrue(a.problems().isEmpty(), a.problems()::toString);
            assertEquals(GeoLookupStatus.NOT_LOOKED_UP, geo.lookup("10.0.0.1").status());
            assertEquals(GeoLookupStatus.NOT_LOOKED_UP, geo.lookup("::1").status());
        }
    }

    @Test
    void noDatabaseSaysHowToGetOne(@TempDir Path empty) {
        try (GeoIpService geo = GeoIpService.open(GeoIpConfig.onlyFolders(List.of(empty)))) {
            assertFalse(geo.catalogue().hasUsableDatabase());
            assertTrue(geo.catalogue().advice().contains("geoipupdate"));
            assertTrue(geo.catalogue().advice().contains("DB-IP"));
            assertEquals(GeoLookupStatus.NO_DATABASE, geo.lookup("81.2.69.142").status());
        }
    }

    @Test
    void standardFoldersPerSystem() {
        Function<String, List<String>> f = os -> StandardGeoIpFolders.forSystem(os, Map.of("ProgramData", "D:\\PD")).stream()
                .map(Path::toString).toList();
        assertTrue(f.apply("Linux").containsAll(List.of("/usr/share/GeoIP", "/var/lib/GeoIP", "/usr/local/share/GeoIP")));
        assertTrue(f.apply("Mac OS X").containsAll(List.of("/usr/local/share/GeoIP", "/opt/homebrew/var/GeoIP")));
        assertTrue(f.apply("Windows 11").get(0).contains("MaxMind"));
    }
}
