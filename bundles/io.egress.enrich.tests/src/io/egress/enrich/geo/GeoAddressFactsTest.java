package io.egress.enrich.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.egress.core.net.IpAddresses;
import io.egress.core.progress.Progress;
import io.egress.tests.support.SharedData;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Countries and networks for the views, from MaxMind's test databases (rows of expected_lookups.tsv). */
class GeoAddressFactsTest {
    @Test
    void countryFromTheCityDatabaseNetworkFromTheAsnDatabase() {
        try (GeoIpService geo = GeoIpService.open(GeoIpConfig.onlyFiles(List.of(SharedData.geoip().resolve("GeoIP2-City-Test.mmdb"),
                SharedData.geoip().resolve("GeoLite2-ASN-Test.mmdb"))))) {
            Set<String> addresses = new LinkedHashSet<>(List.of("2.2.3.0", "1.0.0.0", "10.0.0.1", "127.0.0.1"));
            GeoAddressFacts facts = GeoAddressFacts.lookUp(geo, addresses, Progress.NONE);
            assertEquals("GB", facts.country(IpAddresses.parseLiteral("2.2.3.0")));
            assertEquals("AS15169 Google Inc.", facts.network(IpAddresses.parseLiteral("1.0.0.0")));
            assertEquals("", facts.country(IpAddresses.parseLiteral("10.0.0.1")));
            assertEquals("", facts.network(IpAddresses.parseLiteral("127.0.0.1")));
            assertEquals(2, facts.known());
        }
    }

    @Test
    void theCacheOnlyReadsAfterLearningAndForgetsWhenTheServiceChanges() {
        List<java.nio.file.Path> dbs = List.of(SharedData.geoip().resolve("GeoIP2-City-Test.mmdb"),
                SharedData.geoip().resolve("GeoLite2-ASN-Test.mmdb"));
        try (GeoIpService first = GeoIpService.open(GeoIpConfig.onlyFiles(dbs));
                GeoIpService second = GeoIpService.open(GeoIpConfig.onlyFiles(dbs.subList(1, 2)))) {
            GeoIpService[] current = {first};
            GeoFactsCache cache = new GeoFactsCache(() -> current[0]);
            byte[] gb = IpAddresses.parseLiteral("2.2.3.0");
            byte[] google = IpAddresses.parseLiteral("1.0.0.0");
            assertEquals("", cache.country(gb)); // never looks up on a read
            assertEquals(true, cache.learn(List.of(gb, google, IpAddresses.parseLiteral("10.0.0.1"))));
            assertEquals("GB", cache.country(gb));
            assertEquals("AS15169 Google Inc.", cache.network(google));
            assertEquals(false, cache.learn(List.of(gb))); // known already
            current[0] = second; // the analyst changed the databases: only the ASN one is left
            cache.learn(List.of(gb, google));
            assertEquals("", cache.country(gb));
            assertEquals("AS15169 Google Inc.", cache.network(google));
        }
    }
}
