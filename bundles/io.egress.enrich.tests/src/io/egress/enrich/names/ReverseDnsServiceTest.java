package io.egress.enrich.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.net.IpAddresses;
import io.egress.enrich.internal.dns.ResolvConf;
import io.egress.enrich.internal.dns.ReverseNames;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reverse DNS against a fake UDP DNS server on 127.0.0.1. */
class ReverseDnsServiceTest {
    private FakeDnsServer dns;

    @BeforeEach
    void start() throws Exception {
        dns = new FakeDnsServer();
    }

    @AfterEach
    void stop() throws Exception {
        dns.close();
    }

    private ReverseDnsService service(Clock clock) {
        return new ReverseDnsService(ReverseDnsConfig.enabled(dns.address()).withTimeout(Duration.ofMillis(300), 2), clock);
    }

    private static ReverseDnsAnswer get(CompletableFuture<ReverseDnsAnswer> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void reverseNames() {
        assertEquals("142.69.2.81.in-addr.arpa", ReverseNames.of(IpAddresses.parseLiteral("81.2.69.142")));
        assertEquals("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.1.2.0.1.0.0.2.ip6.arpa",
                ReverseNames.of(IpAddresses.parseLiteral("2001:218::1")));
    }

    @Test
    void findsNamesAndCachesThemForTheirTtl() throws Exception {
        dns.replies.put("142.69.2.81.in-addr.arpa", new FakeDnsServer.Names(List.of("host.example.net."), 60));
        MutableClock clock = new MutableClock();
        try (ReverseDnsService rdns = service(clock)) {
            ReverseDnsAnswer a = get(rdns.lookup(IpAddresses.parse("::ffff:81.2.69.142")));
            assertEquals(ReverseDnsAnswer.Status.FOUND, a.status(), a.detail());
            assertEquals(List.of("host.example.net"), a.names());
            assertEquals(60, a.ttlSeconds());
            assertEquals(NameSource.REVERSE_DNS, a.asObservedNames().get(0).source());
            assertTrue(get(rdns.lookup(IpAddresses.parse("81.2.69.142"))).fromCache());
            assertEquals(1, dns.requests.get());
            clock.now = clock.now.plusSeconds(61);
            assertTrue(!get(rdns.lookup(IpAddresses.parse("81.2.69.142"))).fromCache(), "expired after its TTL");
            assertEquals(2, dns.requests.get());
        }
    }

    @Test
    void nxdomainIsNoNameAndCachedNegatively() throws Exception {
        try (ReverseDnsService rdns = service(Clock.systemUTC())) {
            assertEquals(ReverseDnsAnswer.Status.NO_NAME, get(rdns.lookup(IpAddresses.parse("8.8.4.4"))).status());
            assertTrue(get(rdns.lookup(IpAddresses.parse("8.8.4.4"))).fromCache());
            assertEquals(1, dns.requests.get());
        }
    }

    @Test
    void timesOutRetriesAndDoesNotCacheFailures() throws Exception {
        dns.replies.put("4.3.2.1.in-addr.arpa", new FakeDnsServer.Silent());
        try (ReverseDnsService rdns = service(Clock.systemUTC())) {
            long t0 = System.nanoTime();
            ReverseDnsAnswer a = get(rdns.lookup(IpAddresses.parse("1.2.3.4")));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(ReverseDnsAnswer.Status.FAILED, a.status());
            assertTrue(a.detail().contains("2 attempts"), a.detail());
            assertTrue(ms >= 550 && ms < 5000, "two attempts of 300 ms, took " + ms);
            assertEquals(2, dns.requests.get());
            get(rdns.lookup(IpAddresses.parse("1.2.3.4")));
            assertEquals(4, dns.requests.get(), "failures are retried, not cached");
        }
    }

    @Test
    void serverFailureIsAFailure() throws Exception {
        dns.replies.put("5.3.2.1.in-addr.arpa", new FakeDnsServer.ServFail());
        try (ReverseDnsService rdns = service(Clock.systemUTC())) {
            ReverseDnsAnswer a = get(rdns.lookup(IpAddresses.parse("1.2.3.5")));
            assertEquals(ReverseDnsAnswer.Status.FAILED, a.status());
            assertTrue(a.detail().contains("error code 2"));
        }
    }

    @Test
    void ignoresAnAnswerWithAnotherId() throws Exception {
        dns.replies.put("6.3.2.1.in-addr.arpa", new FakeDnsServer.WrongIdFirst("forged.example", "real.example"));
        try (ReverseDnsService rdns = service(Clock.systemUTC())) {
            assertEquals(List.of("real.example"), get(rdns.lookup(IpAddresses.parse("1.2.3.6"))).names());
        }
    }

    @Test
    void concurrentCallersShareOneQueryAndManyAddressesAreBounded() throws Exception {
        for (int i = 0; i < 40; i++) {
            dns.replies.put(i + ".0.0.9.in-addr.arpa", new FakeDnsServer.Names(List.of("h" + i + ".example"), 300));
        }
        try (ReverseDnsService rdns = new ReverseDnsService(ReverseDnsConfig.enabled(dns.address()).withLimits(4, 30))) {
            List<CompletableFuture<ReverseDnsAnswer>> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                all.add(rdns.lookup(IpAddresses.parse("9.0.0." + i)));
                all.add(rdns.lookup(IpAddresses.parse("9.0.0." + i)));
            }
            long found = 0;
            long refused = 0;
            for (CompletableFuture<ReverseDnsAnswer> f : all) {
                ReverseDnsAnswer a = get(f);
                found += a.status() == ReverseDnsAnswer.Status.FOUND ? 1 : 0;
                refused += a.detail().contains("too many") ? 1 : 0;
            }
            assertEquals(80, found + refused);
            assertTrue(dns.requests.get() <= 40, "one query per address: " + dns.requests.get());
        }
    }

    @Test
    void disabledSendsNothing() throws Exception {
        try (ReverseDnsService rdns = new ReverseDnsService(ReverseDnsConfig.defaults().withResolver(dns.address()))) {
            assertEquals(ReverseDnsAnswer.Status.DISABLED, get(rdns.lookup(IpAddresses.parse("81.2.69.142"))).status());
        }
        assertEquals(0, dns.requests.get());
    }

    @Test
    void resolvConfFirstNameserver() {
        assertEquals(new InetSocketAddress(IpAddresses.parse("192.0.2.53"), 53), ResolvConf.firstNameserver(
                List.of("# comment", "search example", "nameserver 192.0.2.53", "nameserver 192.0.2.54")).orElseThrow());
        assertEquals(IpAddresses.parse("fe80::1"), ResolvConf.firstNameserver(List.of("nameserver fe80::1%eth0")).orElseThrow().getAddress());
        assertTrue(ResolvConf.firstNameserver(List.of("nameserver dns.example")).isEmpty());
    }

    @Test
    void nameBookKeepsSourcesAndCleansNames() {
        NameBook book = new NameBook();
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        book.add(IpAddresses.parse("151.101.1.1"), new ObservedName("WWW.Example.COM.", NameSource.DNS_ANSWER, t, 300));
        book.add(IpAddresses.parse("::ffff:151.101.1.1"), ObservedName.of("www.example.com", NameSource.TLS_SNI, t));
        book.add(IpAddresses.parse("151.101.1.1"), ObservedName.of("evil\u0007\u202e.example", NameSource.HTTP_HOST, t));
        List<ObservedName> names = book.namesOf(IpAddresses.parse("151.101.1.1"));
        assertEquals(List.of("www.example.com", "www.example.com", "evil.example"), names.stream().map(ObservedName::name).toList());
        assertEquals(List.of(NameSource.DNS_ANSWER, NameSource.TLS_SNI, NameSource.HTTP_HOST), names.stream().map(ObservedName::source).toList());
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
