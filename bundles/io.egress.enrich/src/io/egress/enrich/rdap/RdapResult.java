package io.egress.enrich.rdap;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of one RDAP lookup.
 *
 * @param address the address asked about
 * @param status the outcome
 * @param network the parsed registration, when found
 * @param registry which registry (from the bootstrap), e.g. "RIPE NCC"; empty when none
 * @param url the URL that was (or would be) queried
 * @param fetchedAt when the answer was fetched from the registry
 * @param fromCache whether it was read from the cache
 * @param message a plain sentence for everything but FOUND ("network lookups are off", "answer larger than 1048576 bytes")
 */
public record RdapResult(String address, Status status, Optional<RdapNetwork> network, String registry, Optional<URI> url,
        Optional<Instant> fetchedAt, boolean fromCache, String message) {

    public enum Status {
        FOUND,
        /** The registry has no network for the address (HTTP 404). */
        NOT_FOUND,
        /** Network lookups are not allowed and nothing is cached. */
        NOT_ALLOWED,
        /** A special-purpose address: no registry to ask. */
        NOT_APPLICABLE,
        /** The bootstrap names no registry for this address. */
        NO_REGISTRY,
        /** Timeout, oversized or malformed answer, HTTP error, refused URL. */
        FAILED
    }

    static RdapResult without(String address, Status status, String registry, Optional<URI> url, String message) {
        return new RdapResult(address, status, Optional.empty(), registry, url, Optional.empty(), false, message);
    }
}
