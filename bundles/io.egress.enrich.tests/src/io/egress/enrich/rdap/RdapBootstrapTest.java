package io.egress.enrich.rdap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.net.IpAddresses;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Registry selection from the shipped bootstrap, for sample addresses of each RIR. */
class RdapBootstrapTest {
    private static final RdapBootstrap BUILT_IN = RdapBootstrap.builtIn();

    @ParameterizedTest
    @CsvSource({
        "24.199.110.233, ARIN", "8.8.8.8, ARIN", "216.160.83.56, ARIN", "2600:1f18::1, ARIN",
        "81.2.69.142, RIPE NCC", "89.160.20.112, RIPE NCC", "185.1.1.1, RIPE NCC", "2a00:1450::1, RIPE NCC", "2001:67c::1, RIPE NCC",
        "1.1.1.1, APNIC", "202.12.29.1, APNIC", "2001:218::1, APNIC", "2400:cb00::1, APNIC", "::ffff:1.1.1.1, APNIC",
        "200.7.84.1, LACNIC", "177.1.1.1, LACNIC", "2800:3f0::1, LACNIC",
        "41.0.0.1, AFRINIC", "196.1.1.1, AFRINIC", "2c0f:fb50::1, AFRINIC"})
    void picksTheRegistry(String address, String registry) {
        URI base = BUILT_IN.baseUrlFor(IpAddresses.parse(address)).orElseThrow();
        assertEquals(registry, RdapBootstrap.registryName(base));
        assertEquals("https", base.getScheme());
    }

    @ParameterizedTest
    @CsvSource({"13335, ARIN", "3333, RIPE NCC", "4608, APNIC", "28000, LACNIC", "36864, AFRINIC"})
    void picksTheRegistryOfAnAs(long asn, String registry) {
        assertEquals(registry, RdapBootstrap.registryName(BUILT_IN.baseUrlForAsn(asn).orElseThrow()));
    }

    @Test
    void specialSpaceHasNoRegistry() {
        assertEquals(Optional.empty(), BUILT_IN.baseUrlFor(IpAddresses.parse("10.0.0.1")));
        assertEquals(Optional.empty(), BUILT_IN.baseUrlFor(IpAddresses.parse("239.1.1.1")));
        assertEquals(Optional.empty(), BUILT_IN.baseUrlFor(IpAddresses.parse("fe80::1")));
    }

    @Test
    void aDownloadedFileReplacesTheShippedOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ipv4.json"), """
                {"version":"1.0","publication":"2030-01-01T00:00:00Z","services":[
                  [["81.0.0.0/8"],["http://insecure.example/rdap/","https://rdap.example.net/rdap"]]]}""");
        RdapBootstrap b = RdapBootstrap.fromDirectory(dir);
        assertEquals(URI.create("https://rdap.example.net/rdap/"), b.baseUrlFor(IpAddresses.parse("81.2.69.142")).orElseThrow(),
                "HTTPS preferred, trailing slash added");
        assertEquals(Optional.empty(), b.baseUrlFor(IpAddresses.parse("24.199.110.233")), "the file replaces the whole IPv4 table");
        assertEquals("APNIC", RdapBootstrap.registryName(b.baseUrlFor(IpAddresses.parse("2001:218::1")).orElseThrow()), "ipv6.json still shipped");
        assertEquals("2030-01-01T00:00:00Z", b.publication());
    }

    @Test
    void rejectsABrokenFile() {
        IOException e = assertThrows(IOException.class, () -> RdapBootstrap.parse("{\"services\":[[\"x\"]]}", "{}", "{}"));
        assertTrue(e.getMessage().contains("[[keys], [urls]]"), e.getMessage());
        assertThrows(IOException.class, () -> RdapBootstrap.parse("{\"services\":[[[\"not-a-cidr\"],[\"https://x/\"]]]}", "{}", "{}"));
    }
}
