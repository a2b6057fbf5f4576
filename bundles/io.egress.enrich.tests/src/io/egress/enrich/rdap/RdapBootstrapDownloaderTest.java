package io.egress.enrich.rdap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.net.IpAddresses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refreshing the bootstrap from a fake IANA on 127.0.0.1. */
class RdapBootstrapDownloaderTest {
    private static final String V4 = """
            {"version":"1.0","publication":"2031-05-05T00:00:00Z","services":[[["24.0.0.0/8"],["https://rdap.example.org/"]]]}""";
    private static final String V6 = """
            {"version":"1.0","publication":"2031-05-05T00:00:00Z","services":[[["2001:200::/23"],["https://rdap.example.org/"]]]}""";
    private static final String ASN = """
            {"version":"1.0","publication":"2031-05-05T00:00:00Z","services":[[["1-100"],["https://rdap.example.org/"]]]}""";

    @Test
    void downloadsChecksAndSaves(@TempDir Path dir) throws Exception {
        try (FakeRdapServer iana = new FakeRdapServer()) {
            iana.answers.put("/ipv4.json", new FakeRdapServer.Answer(200, "application/json", V4, FakeRdapServer.Mode.NORMAL));
            iana.answers.put("/ipv6.json", new FakeRdapServer.Answer(200, "application/json", V6, FakeRdapServer.Mode.NORMAL));
            iana.answers.put("/asn.json", new FakeRdapServer.Answer(200, "application/json", ASN, FakeRdapServer.Mode.NORMAL));
            RdapConfig config = RdapConfig.defaults().withBaseUrlOverride(iana.base());
            RdapBootstrap b = new RdapBootstrapDownloader(config).download(iana.base(), dir);
            assertEquals("rdap.example.org", RdapBootstrap.registryName(b.baseUrlFor(IpAddresses.parse("24.1.1.1")).orElseThrow()));
            assertEquals("2031-05-05T00:00:00Z", RdapBootstrap.fromDirectory(dir).publication());
            assertEquals(3, iana.requests.size());
        }
    }

    @Test
    void keepsTheOldFilesWhenOneIsBroken(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ipv4.json"), V4);
        try (FakeRdapServer iana = new FakeRdapServer()) {
            iana.answers.put("/ipv4.json", new FakeRdapServer.Answer(200, "application/json", "{\"services\":[[", FakeRdapServer.Mode.NORMAL));
            iana.answers.put("/ipv6.json", new FakeRdapServer.Answer(200, "application/json", V6, FakeRdapServer.Mode.NORMAL));
            iana.answers.put("/asn.json", new FakeRdapServer.Answer(200, "application/json", ASN, FakeRdapServer.Mode.NORMAL));
            RdapBootstrapDownloader d = new RdapBootstrapDownloader(RdapConfig.defaults().withBaseUrlOverride(iana.base()));
            IOException e = assertThrows(IOException.class, () -> d.download(iana.base(), dir));
            assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
            assertEquals(V4, Files.readString(dir.resolve("ipv4.json")));
            assertFalse(Files.exists(dir.resolve("asn.json")));
        }
    }
}
