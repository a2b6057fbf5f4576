package io.egress.enrich.names;

/** Where a name for an address came from; the id is used in JSON and filters. */
public enum NameSource {
    /** A DNS answer seen in the capture (A/AAAA record naming this address). */
    DNS_ANSWER("dns-answer", "DNS answer in the capture"),
    /** The server name a TLS or QUIC client asked for (SNI). */
    TLS_SNI("tls-sni", "TLS server name (SNI) in the capture"),
    /** The Host header of a plain HTTP request. */
    HTTP_HOST("http-host", "HTTP Host header in the capture"),
    /** A PTR lookup Egress made (only when reverse DNS is enabled). */
    REVERSE_DNS("reverse-dns", "reverse DNS (PTR) lookup");

    private final String id;
    private final String description;

    NameSource(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
