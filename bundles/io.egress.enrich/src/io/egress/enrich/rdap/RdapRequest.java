package io.egress.enrich.rdap;

/** How one RDAP lookup may use the network. */
public enum RdapRequest {
    /** Network only if the global switch allows it; a fresh cached answer is used first. */
    DEFAULT,
    /** The analyst allowed the network for this one lookup (e.g. the editor's "Look up" button). */
    ALLOW_NETWORK,
    /** The analyst asked for a fresh answer (the editor's Refresh button): network allowed, cache bypassed. */
    REFRESH,
    /** Never the network, even if the global switch allows it. */
    CACHE_ONLY
}
