package io.egress.enrich.details;

import io.egress.enrich.rdap.RdapRequest;

/**
 * Which network lookups one description may make.
 *
 * @param reverseDns ask the reverse DNS service (it still answers DISABLED when switched off globally)
 * @param rdap how RDAP may use the network
 */
public record LookupOptions(boolean reverseDns, RdapRequest rdap) {
    /** No network at all: GeoIP, captured names, cached RDAP. */
    public static final LookupOptions OFFLINE = new LookupOptions(false, RdapRequest.CACHE_ONLY);
    /** Whatever the global switches allow. */
    public static final LookupOptions AS_CONFIGURED = new LookupOptions(true, RdapRequest.DEFAULT);
}
