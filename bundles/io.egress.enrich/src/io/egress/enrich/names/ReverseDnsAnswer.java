package io.egress.enrich.names;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one reverse DNS lookup.
 *
 * @param address the address, canonical text
 * @param status the outcome
 * @param names the PTR names (cleaned), empty unless {@link Status#FOUND}
 * @param resolvedAt when the resolver answered (or the lookup gave up)
 * @param ttlSeconds the smallest TTL of the PTR records, -1 without records
 * @param detail a plain sentence for failures ("timed out after 2 attempts"), empty otherwise
 * @param fromCache whether this came from the cache rather than a fresh query
 */
public record ReverseDnsAnswer(String address, Status status, List<String> names, Instant resolvedAt, long ttlSeconds, String detail,
        boolean fromCache) {

    public enum Status {
        FOUND,
        /** NXDOMAIN or no PTR record. */
        NO_NAME,
        /** Timeout, server failure, malformed answer, too many pending lookups. */
        FAILED,
        /** Reverse DNS is off. */
        DISABLED
    }

    public ReverseDnsAnswer {
        names = List.copyOf(names);
    }

    public ReverseDnsAnswer cached() {
        return new ReverseDnsAnswer(address, status, names, resolvedAt, ttlSeconds, detail, true);
    }

    public List<ObservedName> asObservedNames() {
        return names.stream().map(n -> new ObservedName(n, NameSource.REVERSE_DNS, resolvedAt, ttlSeconds)).toList();
    }
}
