package io.egress.core.flow;

/** How far a TCP conversation got, as seen from the packets (not a full RFC 793 state machine). */
public enum TcpState {
    /** Not TCP. */
    NONE,
    /** Only the initiator's SYN was seen. */
    SYN_SENT,
    /** SYN and SYN-ACK seen, the final ACK not yet. */
    SYN_RECEIVED,
    /** Handshake completed, or data seen without a handshake (capture started mid-connection). */
    ESTABLISHED,
    /** A FIN was seen from one side. */
    CLOSING,
    /** FINs were seen from both sides. */
    CLOSED,
    /** A RST was seen. */
    RESET
}
