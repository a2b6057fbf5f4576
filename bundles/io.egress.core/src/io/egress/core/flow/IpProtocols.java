package io.egress.core.flow;

/** IP protocol numbers the flow model names. */
public final class IpProtocols {
    public static final int ICMP = 1;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMPV6 = 58;

    private IpProtocols() {
    }

    /** "tcp", "udp", "icmp", "icmpv6", or the number as text for other protocols. */
    public static String name(int protocol) {
        return switch (protocol) {
            case ICMP -> "icmp";
            case TCP -> "tcp";
            case UDP -> "udp";
            case ICMPV6 -> "icmpv6";
            default -> Integer.toString(protocol);
        };
    }

    /** Whether flows of this protocol have port numbers. */
    public static boolean hasPorts(int protocol) {
        return protocol == TCP || protocol == UDP || protocol == 132 /* SCTP */ || protocol == 33 /* DCCP */;
    }
}
