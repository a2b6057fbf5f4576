package io.egress.enrich.names;

import io.egress.core.net.AddressClass;
import io.egress.core.net.AddressClassifier;
import io.egress.core.net.IpAddresses;
import io.egress.enrich.internal.dns.DnsMessages;
import io.egress.enrich.internal.dns.ReverseNames;
import io.egress.enrich.internal.dns.UdpDnsClient;
import io.egress.enrich.internal.text.PlainText;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asynchronous reverse DNS (PTR) with a small UDP client: bounded concurrency and queue, per-attempt
 * timeouts, a TTL-bounded cache, and one query per address however many callers ask at once.
 * When disabled it answers {@link ReverseDnsAnswer.Status#DISABLED} without sending anything.
 */
public final class ReverseDnsService implements AutoCloseable {
    private static final Logger LOG = System.getLogger(ReverseDnsService.class.getName());

    private record CacheEntry(ReverseDnsAnswer answer, Instant expires) {
    }

    private final ReverseDnsConfig config;
    private final Clock clock;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("egress-rdns-", 0).factory());
    private final Semaphore inFlight;
    private final AtomicInteger pending = new AtomicInteger();
    private final Map<String, CacheEntry> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<ReverseDnsAnswer>> running = new ConcurrentHashMap<>();

    public ReverseDnsService(ReverseDnsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.inFlight = new Semaphore(Math.max(1, config.maxConcurrent()));
    }

    public ReverseDnsService(ReverseDnsConfig config) {
        this(config, Clock.systemUTC());
    }

    public boolean isEnabled() {
        return config.enabled() && config.resolver().isPresent();
    }

    /** Never completes exceptionally: failures are answers with status FAILED. */
    public CompletableFuture<ReverseDnsAnswer> lookup(InetAddress address) {
        byte[] raw = IpAddresses.unmapV4(address.getAddress());
        String text = IpAddresses.format(raw);
        if (!isEnabled()) {
            String why = config.enabled() ? "no DNS resolver configured" : "reverse DNS is off";
            return CompletableFuture.completedFuture(answer(text, ReverseDnsAnswer.Status.DISABLED, why));
        }
        AddressClass cls = AddressClassifier.classOf(IpAddresses.toInet(raw));
        if (cls == AddressClass.MULTICAST || cls == AddressClass.UNSPECIFIED || cls == AddressClass.BROADCAST) {
            return CompletableFuture.completedFuture(answer(text, ReverseDnsAnswer.Status.NO_NAME, cls.id() + " addresses have no PTR name"));
        }
        CacheEntry hit = cache.get(text);
        if (hit != null && hit.expires().isAfter(clock.instant())) {
            return CompletableFuture.completedFuture(hit.answer().cached());
        }
        CompletableFuture<ReverseDnsAnswer> fresh = new CompletableFuture<>();
        CompletableFuture<ReverseDnsAnswer> existing = running.putIfAbsent(text, fresh);
        if (existing != null) {
            return existing; // one query per address however many ask at once
        }
        if (pending.incrementAndGet() > config.maxPending()) {
            finish(text, fresh, answer(text, ReverseDnsAnswer.Status.FAILED, "too many reverse DNS lookups pending"));
            return fresh;
        }
        try {
            executor.execute(() -> finish(text, fresh, resolveSafely(text, raw)));
        } catch (RejectedExecutionException e) {
            finish(text, fresh, answer(text, ReverseDnsAnswer.Status.FAILED, "reverse DNS service is closed"));
        }
        return fresh;
    }

    /**
     * The answer already held for an address (a lookup made earlier and not expired), without asking
     * anyone; empty when there is none.
     */
    public java.util.Optional<ReverseDnsAnswer> cached(InetAddress address) {
        String text = IpAddresses.format(IpAddresses.unmapV4(address.getAddress()));
        CacheEntry hit = cache.get(text);
        return hit != null && hit.expires().isAfter(clock.instant()) ? java.util.Optional.of(hit.answer().cached()) : java.util.Optional.empty();
    }

    private void finish(String text, CompletableFuture<ReverseDnsAnswer> f, ReverseDnsAnswer a) {
        pending.decrementAndGet();
        running.remove(text, f);
        f.complete(a);
    }

    private ReverseDnsAnswer resolveSafely(String text, byte[] raw) {
        try {
            return resolveBounded(text, raw);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "reverse DNS of " + text + " failed unexpectedly", e);
            return answer(text, ReverseDnsAnswer.Status.FAILED, "internal error: " + e);
        }
    }

    private ReverseDnsAnswer resolveBounded(String text, byte[] raw) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return answer(text, ReverseDnsAnswer.Status.FAILED, "interrupted");
        }
        try {
            ReverseDnsAnswer a = resolve(text, raw);
            remember(a);
            return a;
        } finally {
            inFlight.release();
        }
    }

    private ReverseDnsAnswer resolve(String text, byte[] raw) {
        UdpDnsClient client = new UdpDnsClient(config.resolver().orElseThrow(), config.timeout(), config.attempts());
        try {
            DnsMessages.PtrAnswer r = client.queryPtr(ReverseNames.of(raw));
            Instant now = clock.instant();
            if (r.rcode() == 3 || (r.rcode() == 0 && r.names().isEmpty())) {
                return new ReverseDnsAnswer(text, ReverseDnsAnswer.Status.NO_NAME, List.of(), now, -1, "", false);
            }
            if (r.rcode() != 0) {
                return answer(text, ReverseDnsAnswer.Status.FAILED, "resolver answered with error code " + r.rcode());
            }
            List<String> names = r.names().stream().map(n -> PlainText.clean(n, 253)).filter(n -> !n.isEmpty()).distinct().toList();
            return new ReverseDnsAnswer(text, ReverseDnsAnswer.Status.FOUND, names, now, r.minTtl(), "", false);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "PTR lookup of " + text + " failed: " + e.getMessage());
            return answer(text, ReverseDnsAnswer.Status.FAILED, e.getMessage());
        }
    }

    /** Names live for their TTL (capped), "no name" for the negative TTL; failures are not cached, so they are retried. */
    private void remember(ReverseDnsAnswer a) {
        Duration ttl = switch (a.status()) {
            case FOUND -> Duration.ofSeconds(Math.min(a.ttlSeconds(), config.maxPositiveTtl().toSeconds()));
            case NO_NAME -> config.negativeTtl();
            default -> Duration.ZERO;
        };
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        if (cache.size() >= config.maxCacheEntries()) {
            Instant now = clock.instant();
            cache.values().removeIf(e -> !e.expires().isAfter(now));
            if (cache.size() >= config.maxCacheEntries()) {
                cache.clear(); // crude but bounded; the cache refills from what is being looked at
            }
        }
        cache.put(a.address(), new CacheEntry(a, a.resolvedAt().plus(ttl)));
    }

    private ReverseDnsAnswer answer(String text, ReverseDnsAnswer.Status status, String detail) {
        return new ReverseDnsAnswer(text, status, List.of(), clock.instant(), -1, detail, false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
