package io.egress.core.socket;

/** Transport protocol of a socket. */
public enum Protocol {
    TCP("tcp"),
    UDP("udp");

    private final String id;

    Protocol(String id) {
        this.id = id;
    }

    /** Stable lower-case id for JSON, CSV and filters. */
    public String id() {
        return id;
    }
}
