package io.egress.core.net;

/** What kind of address this is, from the IANA special-purpose registries; anything else is {@link #PUBLIC}. */
public enum AddressClass {
    LOOPBACK("loopback", "this machine itself"),
    PRIVATE("private", "a private network (RFC 1918 / local-use)"),
    LINK_LOCAL("link-local", "the local link only, not routed"),
    CGNAT("cgnat", "carrier-grade NAT shared space (RFC 6598)"),
    MULTICAST("multicast", "a multicast group"),
    DOCUMENTATION("documentation", "reserved for documentation; never seen on a real network"),
    BENCHMARKING("benchmarking", "reserved for benchmarking (RFC 2544 / RFC 5180)"),
    UNIQUE_LOCAL("unique-local", "an IPv6 unique local address (fc00::/7), private"),
    UNSPECIFIED("unspecified", "the unspecified address (any)"),
    BROADCAST("broadcast", "the limited broadcast address"),
    RESERVED("reserved", "reserved or special-purpose, not ordinary public unicast"),
    PUBLIC("public", "a public Internet address: look up whose network it is");

    private final String id;
    private final String meaning;

    AddressClass(String id, String meaning) {
        this.id = id;
        this.meaning = meaning;
    }

    /** The stable lower-case id used in JSON, CSV and filters. */
    public String id() {
        return id;
    }

    /** One plain sentence an analyst can read. */
    public String meaning() {
        return meaning;
    }

    /** True for addresses that never leave this machine or its local networks. */
    public boolean isLocal() {
        return this != PUBLIC && this != MULTICAST && this != RESERVED && this != DOCUMENTATION;
    }

    public static AddressClass fromId(String id) {
        for (AddressClass c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown address class: " + id);
    }
}
