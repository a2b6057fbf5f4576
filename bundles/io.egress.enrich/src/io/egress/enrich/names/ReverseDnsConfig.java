package io.egress.enrich.names;

import io.egress.enrich.internal.dns.ResolvConf;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Reverse DNS settings. Off by default: a PTR query tells the resolver (and the zone's owner) which
 * addresses are being investigated.
 *
 * @param enabled whether PTR queries are sent at all
 * @param resolver the DNS server asked (UDP); empty when none is configured
 * @param timeout how long one attempt waits for an answer
 * @param attempts attempts per lookup (timeouts are retried, answers are not)
 * @param maxConcurrent queries in flight at once
 * @param maxPending lookups waiting or running before new ones are refused
 * @param maxPositiveTtl longest time a name is cached, whatever the answer's TTL
 * @param negativeTtl how long "no name" is cached
 * @param maxCacheEntries cache size bound
 */
public record ReverseDnsConfig(boolean enabled, Optional<InetSocketAddress> resolver, Duration timeout, int attempts,
        int maxConcurrent, int maxPending, Duration maxPositiveTtl, Duration negativeTtl, int maxCacheEntries) {

    /** The default: disabled, with the system's first resolver ready for when the analyst enables it. */
    public static ReverseDnsConfig defaults() {
        return new ReverseDnsConfig(false, systemResolver(), Duration.ofSeconds(2), 2, 8, 10_000, Duration.ofHours(1),
                Duration.ofMinutes(5), 50_000);
    }

    /** Enabled, asking the given resolver. */
    public static ReverseDnsConfig enabled(InetSocketAddress resolver) {
        return defaults().withEnabled(true).withResolver(resolver);
    }

    public ReverseDnsConfig withEnabled(boolean on) {
        return new ReverseDnsConfig(on, resolver, timeout, attempts, maxConcurrent, maxPending, maxPositiveTtl, negativeTtl, maxCacheEntries);
    }

    public ReverseDnsConfig withResolver(InetSocketAddress server) {
        return new ReverseDnsConfig(enabled, Optional.of(server), timeout, attempts, maxConcurrent, maxPending, maxPositiveTtl,
                negativeTtl, maxCacheEntries);
    }

    public ReverseDnsConfig withTimeout(Duration perAttempt, int tries) {
        return new ReverseDnsConfig(enabled, resolver, perAttempt, tries, maxConcurrent, maxPending, maxPositiveTtl, negativeTtl,
                maxCacheEntries);
    }

    public ReverseDnsConfig withLimits(int concurrent, int pending) {
        return new ReverseDnsConfig(enabled, resolver, timeout, attempts, concurrent, pending, maxPositiveTtl, negativeTtl, maxCacheEntries);
    }

    /** The first {@code nameserver} of /etc/resolv.conf, port 53; empty elsewhere (Windows) or when unreadable. */
    public static Optional<InetSocketAddress> systemResolver() {
        return ResolvConf.firstNameserver(Path.of("/etc/resolv.conf"));
    }
}
