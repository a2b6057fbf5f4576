package io.egress.enrich.rdap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.net.IpAddresses;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RDAP against a fake registry on 127.0.0.1; no real registry is ever contacted. */
class RdapServiceTest {
    private FakeRdapServer server;
    @TempDir
    Path cacheDir;

    @BeforeEach
    void start() throws Exception {
        server = new FakeRdapServer();
        server.answers.put("24.199.110.233", FakeRdapServer.Answer.json(RdapFixtures.ARIN));
        server.answers.put("81.2.69.142", FakeRdapServer.Answer.json(RdapFixtures.RIPE));
        server.answers.put("81.2.69.7", FakeRdapServer.Answer.json(RdapFixtures.RIPE));
        server.answers.put("1.1.1.1", FakeRdapServer.Answer.json(RdapFixtures.APNIC));
        server.answers.put("200.7.84.1", FakeRdapServer.Answer.json(RdapFixtures.LACNIC));
        server.answers.put("41.0.0.1", FakeRdapServer.Answer.json(RdapFixtures.AFRINIC));
        server.answers.put("2600:1f18::1", FakeRdapServer.Answer.json(RdapFixtures.ARIN_V6));
        server.answers.put("5.5.5.5", FakeRdapServer.Answer.json(RdapFixtures.HOSTILE));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RdapConfig config(boolean networkAllowed) {
        return RdapConfig.defaults().withBaseUrlOverride(server.base()).withCacheDir(cacheDir).withNetworkAllowed(networkAllowed)
                .withLimits(Duration.ofSeconds(2), 256 * 1024);
    }

    private static RdapResult get(RdapService s, String address, RdapRequest r) throws Exception {
        return s.lookup(IpAddresses.parse(address), r).get(20, TimeUnit.SECONDS);
    }

    private RdapNetwork found(String address) throws Exception {
        try (RdapService s = new RdapService(config(true))) {
            RdapResult r = get(s, address, RdapRequest.DEFAULT);
            assertEquals(RdapResult.Status.FOUND, r.status(), r.message());
            return r.network().orElseThrow();
        }
    }

    @Test
    void arinShapedAnswer() throws Exception {
        RdapNetwork n = found("24.199.110.233");
        assertEquals("NET-24-199-96-0-1", n.handle());
        assertEquals("EXAMPLE-HOSTING-24-199-96-0", n.name());
        assertEquals("24.199.96.0", n.startAddress());
        assertEquals("24.199.127.255", n.endAddress());
        assertEquals(List.of("24.199.96.0/19"), n.cidrs());
        assertEquals(Optional.of("Example Hosting, LLC"), n.registrant());
        assertEquals(Optional.of("abuse@hosting.example"), n.abuseEmail());
        assertEquals(Optional.of(Instant.parse("2022-08-09T19:19:49Z")), n.registered());
        assertEquals(Optional.of("NET-24-0-0-0-0"), n.parentHandle());
        assertEquals(Optional.empty(), n.country());
    }

    @Test
    void ripeShapedAnswer() throws Exception {
        RdapNetwork n = found("81.2.69.142");
        assertEquals("EXAMPLE-GB-NET", n.name());
        assertEquals(Optional.of("GB"), n.country());
        assertEquals(List.of("81.2.69.0/24"), n.cidrs(), "computed from the range");
        assertEquals(Optional.of("Example Ltd"), n.registrant());
        assertEquals(Optional.of("abuse@example.co.uk"), n.abuseEmail());
        assertEquals(Optional.of(Instant.parse("2021-11-02T08:41:12Z")), n.lastChanged());
    }

    @Test
    void apnicShapedAnswer() throws Exception {
        RdapNetwork n = found("1.1.1.1");
        assertEquals(Optional.of("AU"), n.country());
        assertEquals(Optional.of("Example Research Lab"), n.registrant(), "from the description remark");
        assertEquals(Optional.of("helpdesk@lab.example"), n.abuseEmail());
    }

    @Test
    void lacnicShapedAnswer() throws Exception {
        RdapNetwork n = found("200.7.84.1");
        assertEquals(List.of("200.7.84.0/23"), n.cidrs());
        assertEquals(Optional.of("Example Chile S.A."), n.registrant());
        assertEquals(Optional.of("noc@example.cl"), n.abuseEmail(), "nested in the registrant");
        assertEquals(Optional.of("CL"), n.country());
    }

    @Test
    void afrinicShapedAnswer() throws Exception {
        RdapNetwork n = found("41.0.0.1");
        assertEquals(Optional.of("Example South Africa (Pty) Ltd"), n.registrant());
        assertEquals(Optional.of("abuse@example.co.za"), n.abuseEmail());
        assertEquals(List.of("41.0.0.0/16"), n.cidrs());
    }

    @Test
    void ipv6Answer() throws Exception {
        RdapNetwork n = found("2600:1f18::1");
        assertEquals(List.of("2600:1f00::/24"), n.cidrs());
        assertEquals(Optional.of("Example Cloud, Inc."), n.registrant());
    }

    @Test
    void registryComesFromTheBootstrapEvenWithAnOverride() throws Exception {
        try (RdapService s = new RdapService(config(true))) {
            assertEquals("ARIN", get(s, "24.199.110.233", RdapRequest.DEFAULT).registry());
            assertEquals("RIPE NCC", get(s, "81.2.69.142", RdapRequest.DEFAULT).registry());
            assertEquals(server.base().resolve("ip/81.2.69.142"), get(s, "81.2.69.142", RdapRequest.REFRESH).url().orElseThrow());
        }
    }

    @Test
    void noRequestWhenTheNetworkIsNotAllowed() throws Exception {
        try (RdapService s = new RdapService(config(false))) {
            RdapResult r = get(s, "81.2.69.142", RdapRequest.DEFAULT);
            assertEquals(RdapResult.Status.NOT_ALLOWED, r.status());
            assertTrue(r.message().contains("RIPE NCC"), r.message());
            assertEquals(RdapResult.Status.NOT_ALLOWED, get(s, "24.199.110.233", RdapRequest.CACHE_ONLY).status());
        }
        try (RdapService s = new RdapService(config(true))) {
            assertEquals(RdapResult.Status.NOT_ALLOWED, get(s, "1.1.1.1", RdapRequest.CACHE_ONLY).status(), "per lookup veto wins");
            assertEquals(RdapResult.Status.NOT_APPLICABLE, get(s, "10.0.0.1", RdapRequest.DEFAULT).status());
            assertEquals(RdapResult.Status.NOT_APPLICABLE, get(s, "::1", RdapRequest.REFRESH).status());
        }
        assertEquals(List.of(), server.requests, "the fake registry saw no request");
    }

    @Test
    void perLookupPermissionAndTheCache() throws Exception {
        try (RdapService s = new RdapService(config(false))) {
            RdapResult first = get(s, "81.2.69.142", RdapRequest.ALLOW_NETWORK);
            assertEquals(RdapResult.Status.FOUND, first.status(), first.message());
            assertFalse(first.fromCache());
            RdapResult sameRange = get(s, "81.2.69.7", RdapRequest.DEFAULT);
            assertTrue(sameRange.fromCache(), "another address of the cached range");
            assertEquals(first.fetchedAt(), sameRange.fetchedAt());
            assertEquals(1, server.requests.size());
            assertFalse(get(s, "81.2.69.142", RdapRequest.REFRESH).fromCache());
            assertEquals(2, server.requests.size());
        }
        try (RdapService again = new RdapService(config(false))) {
            RdapResult fromDisk = get(again, "81.2.69.142", RdapRequest.DEFAULT);
            assertEquals(RdapResult.Status.FOUND, fromDisk.status());
            assertTrue(fromDisk.fromCache());
            assertEquals("EXAMPLE-GB-NET", fromDisk.network().orElseThrow().name());
            assertTrue(fromDisk.fetchedAt().isPresent());
        }
        assertEquals(2, server.requests.size());
        try (var files = Files.list(cacheDir)) {
            assertEquals(1, files.count(), "one file per network");
        }
    }

    @Test
    void slowAnswerTimesOut() throws Exception {
        server.answers.put("9.9.9.9", new FakeRdapServer.Answer(200, "application/rdap+json", RdapFixtures.ARIN, FakeRdapServer.Mode.SLOW_BODY));
        try (RdapService s = new RdapService(config(true).withLimits(Duration.ofMillis(800), 256 * 1024))) {
            long t0 = System.nanoTime();
            RdapResult r = get(s, "9.9.9.9", RdapRequest.DEFAULT);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(RdapResult.Status.FAILED, r.status());
            assertTrue(r.message().contains("no complete answer within 800 ms"), r.message());
            assertTrue(ms < 5_000, "took " + ms + " ms");
        }
    }

    @Test
    void oversizedAnswerIsCut() throws Exception {
        server.answers.put("9.9.9.10", new FakeRdapServer.Answer(200, "application/rdap+json", "", FakeRdapServer.Mode.HUGE_BODY));
        try (RdapService s = new RdapService(config(true))) {
            RdapResult r = get(s, "9.9.9.10", RdapRequest.DEFAULT);
            assertEquals(RdapResult.Status.FAILED, r.status());
            assertEquals("answer larger than 262144 bytes", r.message());
        }
    }

    @Test
    void malformedAnswerIsAClearError() throws Exception {
        server.answers.put("9.9.9.11", FakeRdapServer.Answer.json("{\"objectClassName\":\"ip network\",\"name\":\"X\","));
        server.answers.put("9.9.9.12", FakeRdapServer.Answer.json("{\"objectClassName\":\"entity\"}"));
        server.answers.put("9.9.9.13", new FakeRdapServer.Answer(200, "text/html", "<html>login</html>", FakeRdapServer.Mode.NORMAL));
        try (RdapService s = new RdapService(config(true))) {
            RdapResult r = get(s, "9.9.9.11", RdapRequest.DEFAULT);
            assertEquals(RdapResult.Status.FAILED, r.status());
            assertTrue(r.message().startsWith("unusable RDAP answer: malformed JSON at character"), r.message());
            assertTrue(get(s, "9.9.9.12", RdapRequest.DEFAULT).message().contains("not an IP network"));
            assertTrue(get(s, "9.9.9.13", RdapRequest.DEFAULT).message().contains("not an RDAP answer"));
            assertEquals(RdapResult.Status.NOT_FOUND, get(s, "9.9.9.14", RdapRequest.DEFAULT).status());
        }
    }

    @Test
    void markupIsKeptAsTextAndControlsAreStripped() throws Exception {
        RdapNetwork n = found("5.5.5.5");
        assertEquals("<script>alert('x')</script>[31mREDevil", n.name());
        assertEquals(Optional.of("<img src=x onerror=alert(1)>  Injected: header"), n.registrant());
        assertEquals(Optional.of("<B>NL</B>"), n.country());
    }

    @Test
    void plainHttpOnlyToLoopback() throws Exception {
        RdapConfig c = config(true).withBaseUrlOverride(URI.create("http://rdap.example.invalid/"));
        try (RdapService s = new RdapService(c)) {
            RdapResult r = get(s, "81.2.69.142", RdapRequest.DEFAULT);
            assertEquals(RdapResult.Status.FAILED, r.status());
            assertTrue(r.message().contains("HTTPS only"), r.message());
        }
        RdapConfig noLoopbackHttp = new RdapConfig(true, RdapBootstrap.builtIn(), Optional.of(server.base()), false, Optional.empty(),
                Duration.ofSeconds(2), 1024, Duration.ofDays(1), 1);
        try (RdapService s = new RdapService(noLoopbackHttp)) {
            assertTrue(get(s, "81.2.69.142", RdapRequest.DEFAULT).message().contains("HTTPS only"));
        }
        assertEquals(List.of(), server.requests);
    }
}
