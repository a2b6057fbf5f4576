package io.egress.cli.internal.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.egress.cli.internal.Command;
import io.egress.cli.internal.FakeRdapServer;
import io.egress.tests.support.SharedData;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code egress ip} end to end on the shared test databases, with a fake RDAP server on 127.0.0.1. */
class IpCommandTest {
    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new IpCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String geoip() {
        return SharedData.geoip().toString();
    }

    @Test
    void jsonFromTheTestDatabases() {
        Run r = run("81.2.69.142", "::ffff:216.160.83.56", "2001:218::", "1.128.0.0", "10.0.0.1", "--geoip-dir", geoip(), "--no-rdap-cache",
                "--format", "json");
        assertEquals(Command.OK, r.exit(), r.err());
        String o = r.out().replaceAll("\\s+", "");
        assertTrue(o.contains("\"address\":\"81.2.69.142\",\"class\":\"public\""), o);
        assertTrue(o.contains("\"country\":{\"isoCode\":\"GB\",\"name\":\"UnitedKingdom\"}"), o);
        assertTrue(o.contains("\"city\":\"London\""), o);
        assertTrue(o.contains("\"address\":\"216.160.83.56\""), "mapped address reported as IPv4: " + o);
        assertTrue(o.contains("\"city\":\"Milton\""), o);
        assertTrue(o.contains("\"country\":{\"isoCode\":\"JP\",\"name\":\"Japan\"}"), o);
        assertTrue(o.contains("\"asn\":{\"number\":1221,\"organization\":\"TelstraPtyLtd\"}"), o);
        assertTrue(o.contains("\"class\":\"private\""), o);
        assertTrue(o.contains("\"geoStatus\":\"not-looked-up\""), o);
        assertTrue(o.contains("\"city\":{\"databaseType\":\"GeoIP2-City\",\"buildDate\":\"2026-02-04\",\"file\":\"GeoIP2-City-Test.mmdb\"}"), o);
        assertTrue(!o.contains("\"rdap\""), "no rdap member without --online");
        assertTrue(r.err().contains("GeoIP2-City-Test-Invalid-Node-Count.mmdb: corrupt"), r.err());
    }

    @Test
    void tableFromTheTestDatabases() {
        Run r = run("89.160.20.112", "--geoip-dir", geoip(), "--no-rdap-cache");
        assertEquals(Command.OK, r.exit(), r.err());
        assertTrue(r.out().startsWith("ADDRESS"), r.out());
        assertTrue(r.out().contains("SE Sweden"), r.out());
        assertTrue(r.out().contains("Linköping"), r.out());
        assertTrue(r.out().contains("GeoIP2-City built 2026-02-04 (GeoIP2-City-Test.mmdb)"), r.out());
    }

    @Test
    void noRequestWithoutOnlineAndOneWithIt(@TempDir Path cache) throws IOException {
        try (FakeRdapServer server = new FakeRdapServer("NET-1", "EXAMPLE-NET", "81.2.69.0", "81.2.69.255", "GB")) {
            String base = server.base();
            List<String> common = new ArrayList<>(List.of("81.2.69.142", "--geoip-dir", geoip(), "--rdap-base-url", base, "--rdap-cache",
                    cache.toString(), "--format", "json"));
            Run offline = run(common.toArray(String[]::new));
            assertEquals(Command.OK, offline.exit(), offline.err());
            assertEquals(0, server.requests(), "no network request unless allowed");
            common.add("--online");
            Run online = run(common.toArray(String[]::new));
            assertEquals(1, server.requests());
            String o = online.out().replaceAll("\\s+", "");
            assertTrue(o.contains("\"rdap\":{\"status\":\"found\",\"registry\":\"RIPENCC\""), o);
            assertTrue(o.contains("\"name\":\"EXAMPLE-NET\""), o);
            Run cached = run(common.toArray(String[]::new));
            assertTrue(cached.out().replaceAll("\\s+", "").contains("\"fromCache\":true"), cached.out());
            assertEquals(1, server.requests(), "answered from the disk cache");
        }
    }

    @Test
    void usageErrors() {
        assertEquals(Command.USAGE, run().exit());
        assertEquals(Command.USAGE, run("1.1.1.1", "--format", "xml").exit());
        assertEquals(Command.USAGE, run("1.1.1.1", "--bogus").exit());
        assertEquals(Command.USAGE, run("1.1.1.1", "--geoip-dir").exit());
        Run bad = run("not-an-address", "--geoip-dir", geoip(), "--no-rdap-cache");
        assertEquals(Command.FAILURE, bad.exit());
        assertTrue(bad.err().contains("names are not resolved"), bad.err());
    }
}
