package io.egress.capture;

/**
 * How many conversations a capture holds, counted so that they compare with tshark's
 * {@code -z conv,tcp|udp|ip|ipv6}: TCP and UDP flows (VLAN-aware, unlike tshark), ICMP and ICMPv6
 * flows, and distinct IPv4 and IPv6 address pairs over all IP traffic.
 */
public record ConversationCounts(int tcp, int udp, int icmp, int ipv4, int ipv6) {
    public static final ConversationCounts NONE = new ConversationCounts(0, 0, 0, 0, 0);
}
