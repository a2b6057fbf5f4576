package io.egress.core.socket;

/**
 * State of a socket. TCP sockets use the kernel's TCP states; UDP sockets have no state machine
 * and are either {@link #UNCONNECTED} (bound, receiving from anyone: the UDP form of listening)
 * or {@link #CONNECTED} (a default peer was set with connect()).
 */
public enum SocketState {
    ESTABLISHED(1),
    SYN_SENT(2),
    SYN_RECV(3),
    FIN_WAIT1(4),
    FIN_WAIT2(5),
    TIME_WAIT(6),
    CLOSE(7),
    CLOSE_WAIT(8),
    LAST_ACK(9),
    LISTEN(10),
    CLOSING(11),
    NEW_SYN_RECV(12),
    /** UDP without a default peer. */
    UNCONNECTED(-1),
    /** UDP with a default peer. */
    CONNECTED(-1),
    /** A kernel code this version does not know. */
    UNKNOWN(-1);

    private final int tcpCode;

    SocketState(int tcpCode) {
        this.tcpCode = tcpCode;
    }

    /** The kernel's TCP state number ({@code include/net/tcp_states.h}), or -1 for the UDP and unknown values. */
    public int tcpCode() {
        return tcpCode;
    }

    /** Stable id for JSON and CSV, the names netstat and ss users know, e.g. {@code ESTABLISHED}. */
    public String id() {
        return name();
    }

    /** Maps the kernel's TCP state number; unknown numbers give {@link #UNKNOWN}. */
    public static SocketState ofTcp(int code) {
        for (SocketState s : values()) {
            if (s.tcpCode == code) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /**
     * Maps the state number the kernel reports for a UDP socket: it uses TCP_ESTABLISHED (1) for a
     * connected socket and TCP_CLOSE (7) for an unconnected one.
     */
    public static SocketState ofUdp(int code) {
        return code == ESTABLISHED.tcpCode ? CONNECTED : code == CLOSE.tcpCode ? UNCONNECTED : UNKNOWN;
    }

    /** True for a TCP listener and for an unconnected UDP socket (both wait for anyone). */
    public boolean isListening() {
        return this == LISTEN || this == UNCONNECTED;
    }
}
