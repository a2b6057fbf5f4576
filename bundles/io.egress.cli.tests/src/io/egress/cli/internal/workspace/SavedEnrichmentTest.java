package io.egress.cli.internal.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.cli.internal.Command;
import io.egress.cli.internal.FakeRdapServer;
import io.egress.cli.internal.diff.DiffCommand;
import io.egress.cli.internal.ip.IpCommand;
import io.egress.core.progress.Progress;
import io.egress.tests.support.SharedData;
import io.egress.workspace.DiffReport;
import io.egress.workspace.DiffReport.NewDestination;
import io.egress.workspace.EnrichmentAnswer;
import io.egress.workspace.WorkspaceContent;
import io.egress.workspace.WorkspaceDiff;
import io.egress.workspace.WorkspaceStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code workspace save} stores a GeoIP answer for every public address with a record in the shared
 * test databases, {@code info} counts them, a reopened file gives them back, and {@code diff} reports
 * the new ASNs and countries per owner from them. The two shared captures are the only ones whose
 * public addresses the test databases know: 2607:f740:b::f93 (AS237, no country) in
 * zeek-ipv6-fragmented-dns.pcap and 1.1.1.1 (AU, AS13335, ipinfo sample) in
 * zeek-pcapng-multi-interface.pcapng.
 */
class SavedEnrichmentTest {
    private static final String IPV6_DNS = "zeek-ipv6-fragmented-dns.pcap";
    private static final String MULTI = "zeek-pcapng-multi-interface.pcapng";
    private static final String CLIENT_V6 = "2001:470:1f11:81f:d138:5f55:6d4:1fe2";
    private static final String RESOLVER_V6 = "2607:f740:b::f93";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Run run(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path save(String capture, String name) {
        Path file = dir.resolve(name);
        Run r = run(new WorkspaceCommand(), "save", "--from", SharedData.captures().resolve(capture).toString(), "-o", file.toString(),
                "--geoip-dir", SharedData.geoip().toString(), "--no-rdap-cache");
        assertEquals(Command.OK, r.exit(), r.err());
        return file;
    }

    @Test
    void geoipAnswersAreStoredCountedReopenedAndDiffed() throws IOException {
        long before = System.currentTimeMillis();
        Path monday = save(IPV6_DNS, "monday.egress");
        Path tuesday = save(MULTI, "tuesday.egress");
        long after = System.currentTimeMillis();

        WorkspaceContent a = new WorkspaceStore().open(monday, Progress.NONE).content();
        WorkspaceContent b = new WorkspaceStore().open(tuesday, Progress.NONE).content();
        // both IPv6 addresses are public and in the Anonymous-IP test database (no flags set); the resolver also in the ASN one
        assertEquals(List.of(CLIENT_V6, RESOLVER_V6), a.enrichment().stream().map(EnrichmentAnswer::address).toList());
        EnrichmentAnswer client = a.enrichment().get(0);
        assertEquals(EnrichmentAnswer.GEOIP, client.kind());
        assertEquals("GeoIP2-Anonymous-IP built 2026-02-04 (GeoIP2-Anonymous-IP-Test.mmdb)", client.source());
        assertTrue(client.json().replaceAll("\\s+", "").contains("\"asn\":null"), client.json());
        EnrichmentAnswer resolver = a.enrichment().get(1);
        assertEquals(EnrichmentAnswer.GEOIP, resolver.kind());
        assertEquals("GeoIP2-Anonymous-IP built 2026-02-04 (GeoIP2-Anonymous-IP-Test.mmdb); GeoLite2-ASN built 2026-02-04 (GeoLite2-ASN-Test.mmdb)",
                resolver.source());
        assertTrue(resolver.timeMillis() >= before && resolver.timeMillis() <= after, "answered during the save");
        String json = resolver.json().replaceAll("\\s+", "");
        assertTrue(json.contains("\"asn\":{\"number\":237,\"organization\":\"MeritNetworkInc.\"}"), json);
        assertTrue(json.contains("\"country\":null"), json);
        assertTrue(json.contains("\"network\":\"2604::/14\""), json);

        // the private and the Docker host are not looked up; 1.1.1.1 has country and ASN
        assertEquals(List.of("1.1.1.1"), b.enrichment().stream().map(EnrichmentAnswer::address).toList(), b.enrichment().toString());
        EnrichmentAnswer cloudflare = b.enrichment().get(0);
        String cf = cloudflare.json().replaceAll("\\s+", "");
        assertTrue(cf.contains("\"country\":{\"isoCode\":\"AU\""), cf);
        assertTrue(cf.contains("\"asn\":{\"number\":13335,\"organization\":\"Cloudflare,Inc.\"}"), cf);
        assertTrue(cloudflare.source().contains("(ipinfo_lite_sample.mmdb)"), cloudflare.source());

        Run info = run(new WorkspaceCommand(), "info", tuesday.toString(), "--format", "json");
        assertEquals(Command.OK, info.exit(), info.err());
        assertTrue(info.out().replaceAll("\\s+", "").contains("\"enrichment\":1"), info.out());

        // later against the baseline: both hosts of tuesday reach Cloudflare, new AS and country for each
        DiffReport later = WorkspaceDiff.compare(a, b);
        assertEquals(List.of(new NewDestination("host 172.17.0.2", "1.1.1.1", List.of("udp/53"), names(later, 0), "AS13335", "AU", true, true),
                new NewDestination("host 10.0.0.4", "1.1.1.1", List.of("udp/53"), names(later, 1), "AS13335", "AU", true, true)),
                later.newDestinations());
        // and the other way round: AS237 is new for the IPv6 client; the answer from its resolver has no record
        DiffReport back = WorkspaceDiff.compare(b, a);
        assertEquals(List.of(new NewDestination("host " + CLIENT_V6, RESOLVER_V6, List.of("udp/53"), names(back, 0), "AS237", "", true, false),
                new NewDestination("host " + RESOLVER_V6, CLIENT_V6, List.of("udp/0"), names(back, 1), "", "", false, false)),
                back.newDestinations());

        Run table = run(new DiffCommand(), monday.toString(), tuesday.toString(), "--format", "table");
        assertEquals(Command.OK, table.exit(), table.err());
        assertTrue(table.out().matches("(?s).*host 172\\.17\\.0\\.2 +1\\.1\\.1\\.1 +udp/53 .*AS13335 +AU +asn country.*"), table.out());
        assertTrue(table.out().matches("(?s).*host 10\\.0\\.0\\.4 +1\\.1\\.1\\.1 +udp/53 .*AS13335 +AU +asn country.*"), table.out());
        Run jsonDiff = run(new DiffCommand(), monday.toString(), tuesday.toString(), "--format", "json");
        String d = jsonDiff.out().replaceAll("\\s+", "");
        assertTrue(d.contains("\"asn\":\"AS13335\",\"country\":\"AU\",\"newAsn\":true,\"newCountry\":true"), d);
    }

    @Test
    void reopenedAnswersAreTheSavedOnesAndSavingAgainKeepsThem() throws IOException {
        Path monday = save(IPV6_DNS, "monday.egress");
        WorkspaceStore store = new WorkspaceStore();
        WorkspaceContent opened = store.open(monday, Progress.NONE).content();
        Path copy = dir.resolve("copy.egress");
        store.save(copy, opened, Progress.NONE);
        assertEquals(opened.enrichment(), store.open(copy, Progress.NONE).content().enrichment());
    }

    /** An RDAP answer fetched earlier by {@code egress ip --online} is in the cache: save stores it without asking again. */
    @Test
    void cachedRdapAnswersAreStoredWithoutANetworkLookup(@TempDir Path cache) throws IOException {
        try (FakeRdapServer server = new FakeRdapServer("NET-1-1-1-0", "APNIC-LABS", "1.1.1.0", "1.1.1.255", "AU")) {
            String base = server.base();
            Run ip = run(new IpCommand(), "1.1.1.1", "--online", "--rdap-base-url", base, "--rdap-cache", cache.toString(), "--geoip-dir",
                    SharedData.geoip().toString());
            assertEquals(Command.OK, ip.exit(), ip.err());
            assertEquals(1, server.requests());

            Path file = dir.resolve("rdap.egress");
            Run save = run(new WorkspaceCommand(), "save", "--from", SharedData.captures().resolve(MULTI).toString(), "-o", file.toString(),
                    "--geoip-dir", SharedData.geoip().toString(), "--rdap-cache", cache.toString());
            assertEquals(Command.OK, save.exit(), save.err());
            assertEquals(1, server.requests(), "save asks no registry");
            assertTrue(save.err().contains("2 enrichment answers"), save.err());
            List<EnrichmentAnswer> answers = new WorkspaceStore().open(file, Progress.NONE).content().enrichment();
            assertEquals(List.of(EnrichmentAnswer.GEOIP, EnrichmentAnswer.RDAP), answers.stream().map(EnrichmentAnswer::kind).toList());
            EnrichmentAnswer rdap = answers.get(1);
            assertEquals("1.1.1.1", rdap.address());
            assertTrue(rdap.source().startsWith("APNIC " + base + "ip/1.1.1.1"), rdap.source());
            String json = rdap.json().replaceAll("\\s+", "");
            assertTrue(json.contains("\"status\":\"found\""), json);
            assertTrue(json.contains("\"handle\":\"NET-1-1-1-0\",\"name\":\"APNIC-LABS\""), json);
            assertTrue(json.contains("\"fromCache\":true"), json);
        }
    }

    /** Names are whatever DNS answers the capture holds; the test is about ASNs and countries. */
    private static List<String> names(DiffReport r, int i) {
        return r.newDestinations().get(i).names();
    }
}
