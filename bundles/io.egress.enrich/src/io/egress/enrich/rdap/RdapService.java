package io.egress.enrich.rdap;

import io.egress.core.net.AddressClass;
import io.egress.core.net.AddressClassifier;
import io.egress.core.net.IpAddresses;
import io.egress.enrich.internal.json.JsonParseException;
import io.egress.enrich.internal.rdap.RdapCache;
import io.egress.enrich.internal.rdap.RdapFetchException;
import io.egress.enrich.internal.rdap.RdapFetcher;
import io.egress.enrich.internal.rdap.RdapJsonMapper;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * RDAP lookups of IP networks: registry from the bootstrap, answers from the cache when fresh, the
 * network only when allowed (globally by {@link RdapConfig#networkAllowed()} or per lookup by
 * {@link RdapRequest}). Asynchronous; futures never complete exceptionally (failures are results).
 */
public final class RdapService implements AutoCloseable {
    private static final Logger LOG = System.getLogger(RdapService.class.getName());

    private final RdapConfig config;
    private final Clock clock;
    private final RdapFetcher fetcher;
    private final RdapCache cache;
    private final Semaphore inFlight;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("egress-rdap-", 0).factory());
    private final Map<String, CompletableFuture<RdapResult>> running = new ConcurrentHashMap<>();

    public RdapService(RdapConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.fetcher = new RdapFetcher(config.timeout(), config.maxBytes(), config.allowPlainHttpToLoopback());
        this.cache = new RdapCache(config.cacheDir(), config.maxBytes());
        this.inFlight = new Semaphore(Math.max(1, config.maxConcurrent()));
    }

    public RdapService(RdapConfig config) {
        this(config, Clock.systemUTC());
    }

    public RdapConfig config() {
        return config;
    }

    public CompletableFuture<RdapResult> lookup(InetAddress address, RdapRequest request) {
        byte[] raw = IpAddresses.unmapV4(address.getAddress());
        String text = IpAddresses.format(raw);
        AddressClass cls = AddressClassifier.classOf(IpAddresses.toInet(raw));
        if (cls != AddressClass.PUBLIC) {
            return done(RdapResult.without(text, RdapResult.Status.NOT_APPLICABLE, "", Optional.empty(),
                    "a " + cls.id() + " address is not registered with any registry"));
        }
        Optional<URI> base = config.bootstrap().baseUrlFor(IpAddresses.toInet(raw));
        String registry = base.map(RdapBootstrap::registryName).orElse("");
        Optional<URI> url = config.baseUrlOverride().or(() -> base).map(b -> b.resolve("ip/" + text));
        Optional<RdapCache.Entry> cached = request == RdapRequest.REFRESH ? Optional.empty() : cache.find(raw);
        boolean networkOk = request == RdapRequest.ALLOW_NETWORK || request == RdapRequest.REFRESH
                || (request == RdapRequest.DEFAULT && config.networkAllowed());
        if (cached.isPresent() && (!networkOk || isFresh(cached.get()))) {
            return done(fromCache(text, cached.get()));
        }
        if (!networkOk) {
            return done(RdapResult.without(text, RdapResult.Status.NOT_ALLOWED, registry, url,
                    "network lookups are off: asking " + (registry.isEmpty() ? "a registry" : registry) + " would tell it about this address"));
        }
        if (url.isEmpty()) {
            return done(RdapResult.without(text, RdapResult.Status.NO_REGISTRY, "", Optional.empty(), "the RDAP bootstrap names no registry for " + text));
        }
        CompletableFuture<RdapResult> fresh = new CompletableFuture<>();
        CompletableFuture<RdapResult> existing = running.putIfAbsent(text, fresh);
        if (existing != null) {
            return existing; // one query per address however many ask at once
        }
        try {
            executor.execute(() -> {
                RdapResult result;
                try {
                    result = fetchBounded(text, raw, registry, url.get());
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "RDAP lookup of " + text + " failed unexpectedly", e);
                    result = RdapResult.without(text, RdapResult.Status.FAILED, registry, url, "internal error: " + e);
                }
                running.remove(text, fresh); // before completing, so that a caller reacting to it starts a new query
                fresh.complete(result);
            });
        } catch (RejectedExecutionException e) {
            running.remove(text, fresh);
            fresh.complete(RdapResult.without(text, RdapResult.Status.FAILED, registry, url, "RDAP service is closed"));
        }
        return fresh;
    }

    private boolean isFresh(RdapCache.Entry e) {
        return e.fetchedAt().plus(config.cacheMaxAge()).isAfter(clock.instant());
    }

    private RdapResult fetchBounded(String text, byte[] raw, String registry, URI url) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RdapResult.without(text, RdapResult.Status.FAILED, registry, Optional.of(url), "interrupted");
        }
        try {
            RdapFetcher.Fetched f = fetcher.fetch(url);
            Instant at = clock.instant();
            RdapCache.Entry e = cache.store(f.url(), registry, at, f.body(), RdapJsonMapper.parseNetwork(f.body()), raw);
            return new RdapResult(text, RdapResult.Status.FOUND, Optional.of(e.network()), registry, Optional.of(f.url()), Optional.of(at), false, "");
        } catch (RdapFetchException e) {
            RdapResult.Status s = e.httpStatus() == 404 ? RdapResult.Status.NOT_FOUND : RdapResult.Status.FAILED;
            LOG.log(Level.INFO, "RDAP lookup of " + text + " at " + url + ": " + e.getMessage());
            return RdapResult.without(text, s, registry, Optional.of(url), e.getMessage());
        } catch (JsonParseException e) {
            LOG.log(Level.INFO, "RDAP answer for " + text + " from " + url + " unusable: " + e.getMessage());
            return RdapResult.without(text, RdapResult.Status.FAILED, registry, Optional.of(url), "unusable RDAP answer: " + e.getMessage());
        } finally {
            inFlight.release();
        }
    }

    private static RdapResult fromCache(String text, RdapCache.Entry e) {
        return new RdapResult(text, RdapResult.Status.FOUND, Optional.of(e.network()), e.registry(), Optional.of(e.url()),
                Optional.of(e.fetchedAt()), true, "");
    }

    private static CompletableFuture<RdapResult> done(RdapResult r) {
        return CompletableFuture.completedFuture(r);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
