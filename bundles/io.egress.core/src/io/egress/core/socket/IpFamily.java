package io.egress.core.socket;

/** Address family of an endpoint as reported (IPv4-mapped IPv6 addresses count as IPv4). */
public enum IpFamily {
    IPV4("ipv4"),
    IPV6("ipv6");

    private final String id;

    IpFamily(String id) {
        this.id = id;
    }

    /** Stable lower-case id for JSON, CSV and filters. */
    public String id() {
        return id;
    }
}
