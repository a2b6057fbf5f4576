package io.egress.enrich.rdap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * RDAP settings. Network lookups are off by default: asking a registry about an address tells it
 * which address is being investigated.
 *
 * @param networkAllowed the global "allow network lookups" switch; a single lookup can still be allowed by the analyst
 * @param bootstrap chooses the registry
 * @param baseUrlOverride sends every query to this base URL instead of the bootstrap's (tests, a local mirror)
 * @param allowPlainHttpToLoopback accept {@code http://} to 127.0.0.1/::1 (tests and explicit overrides only)
 * @param cacheDir where answers are kept on disk, if anywhere
 * @param timeout total time for one answer, redirects included
 * @param maxBytes the largest answer read
 * @param cacheMaxAge answers older than this are refreshed when the network is allowed
 * @param maxConcurrent queries in flight at once (registries rate-limit)
 */
public record RdapConfig(boolean networkAllowed, RdapBootstrap bootstrap, Optional<URI> baseUrlOverride, boolean allowPlainHttpToLoopback,
        Optional<Path> cacheDir, Duration timeout, int maxBytes, Duration cacheMaxAge, int maxConcurrent) {

    /** Off, shipped bootstrap, no disk cache. */
    public static RdapConfig defaults() {
        return new RdapConfig(false, RdapBootstrap.builtIn(), Optional.empty(), false, Optional.empty(), Duration.ofSeconds(15),
                1_048_576, Duration.ofDays(7), 2);
    }

    public RdapConfig withNetworkAllowed(boolean allowed) {
        return new RdapConfig(allowed, bootstrap, baseUrlOverride, allowPlainHttpToLoopback, cacheDir, timeout, maxBytes, cacheMaxAge,
                maxConcurrent);
    }

    public RdapConfig withBootstrap(RdapBootstrap b) {
        return new RdapConfig(networkAllowed, b, baseUrlOverride, allowPlainHttpToLoopback, cacheDir, timeout, maxBytes, cacheMaxAge,
                maxConcurrent);
    }

    /** Every query goes to this base; plain HTTP is then accepted to a loopback host only. */
    public RdapConfig withBaseUrlOverride(URI base) {
        return new RdapConfig(networkAllowed, bootstrap, Optional.of(base), true, cacheDir, timeout, maxBytes, cacheMaxAge, maxConcurrent);
    }

    public RdapConfig withCacheDir(Path dir) {
        return new RdapConfig(networkAllowed, bootstrap, baseUrlOverride, allowPlainHttpToLoopback, Optional.of(dir), timeout, maxBytes,
                cacheMaxAge, maxConcurrent);
    }

    public RdapConfig withLimits(Duration total, int bytes) {
        return new RdapConfig(networkAllowed, bootstrap, baseUrlOverride, allowPlainHttpToLoopback, cacheDir, total, bytes, cacheMaxAge,
                maxConcurrent);
    }
}
