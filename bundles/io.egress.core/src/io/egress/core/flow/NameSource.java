package io.egress.core.flow;

/** Where a name attached to a flow came from. */
public enum NameSource {
    /** A DNS answer seen earlier in the same capture mapped the responder's address to the name. */
    DNS,
    /** Server Name Indication of a TLS ClientHello in the flow. */
    TLS_SNI,
    /** Server Name Indication of a QUIC Initial packet in the flow. */
    QUIC_SNI,
    /** The Host header of an HTTP request in the flow. */
    HTTP_HOST
}
