package io.egress.core.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Classifies IPv4 and IPv6 addresses by the IANA special-purpose address registries (RFC 6890 and
 * successors). IPv4-mapped IPv6 addresses are classified as their IPv4 address; NAT64 well-known
 * prefix addresses too, as they stand for an IPv4 host. Stateless and thread-safe.
 */
public final class AddressClassifier {

    private record Range(Cidr cidr, AddressClass cls, String name) {
    }

    private static final List<Range> V4 = sorted(List.of(
            r("0.0.0.0/32", AddressClass.UNSPECIFIED, "Unspecified"),
            r("0.0.0.0/8", AddressClass.RESERVED, "This network (RFC 791)"),
            r("10.0.0.0/8", AddressClass.PRIVATE, "Private-Use (RFC 1918)"),
            r("100.64.0.0/10", AddressClass.CGNAT, "Shared Address Space (RFC 6598)"),
            r("127.0.0.0/8", AddressClass.LOOPBACK, "Loopback (RFC 1122)"),
            r("169.254.0.0/16", AddressClass.LINK_LOCAL, "Link Local (RFC 3927)"),
            r("172.16.0.0/12", AddressClass.PRIVATE, "Private-Use (RFC 1918)"),
            r("192.0.0.0/24", AddressClass.RESERVED, "IETF Protocol Assignments (RFC 6890)"),
            r("192.0.2.0/24", AddressClass.DOCUMENTATION, "Documentation TEST-NET-1 (RFC 5737)"),
            r("192.31.196.0/24", AddressClass.RESERVED, "AS112-v4 (RFC 7535)"),
            r("192.52.193.0/24", AddressClass.RESERVED, "AMT (RFC 7450)"),
            r("192.88.99.0/24", AddressClass.RESERVED, "Deprecated 6to4 Relay Anycast (RFC 7526)"),
            r("192.168.0.0/16", AddressClass.PRIVATE, "Private-Use (RFC 1918)"),
            r("192.175.48.0/24", AddressClass.RESERVED, "Direct Delegation AS112 Service (RFC 7534)"),
            r("198.18.0.0/15", AddressClass.BENCHMARKING, "Benchmarking (RFC 2544)"),
            r("198.51.100.0/24", AddressClass.DOCUMENTATION, "Documentation TEST-NET-2 (RFC 5737)"),
            r("203.0.113.0/24", AddressClass.DOCUMENTATION, "Documentation TEST-NET-3 (RFC 5737)"),
            r("224.0.0.0/4", AddressClass.MULTICAST, "Multicast (RFC 5771)"),
            r("240.0.0.0/4", AddressClass.RESERVED, "Reserved (RFC 1112)"),
            r("255.255.255.255/32", AddressClass.BROADCAST, "Limited Broadcast (RFC 919)")));

    private static final List<Range> V6 = sorted(List.of(
            r("::/128", AddressClass.UNSPECIFIED, "Unspecified Address (RFC 4291)"),
            r("::1/128", AddressClass.LOOPBACK, "Loopback Address (RFC 4291)"),
            r("64:ff9b:1::/48", AddressClass.PRIVATE, "IPv4-IPv6 Translation, local use (RFC 8215)"),
            r("100::/64", AddressClass.RESERVED, "Discard-Only Address Block (RFC 6666)"),
            r("2001::/23", AddressClass.RESERVED, "IETF Protocol Assignments (RFC 2928)"),
            r("2001:2::/48", AddressClass.BENCHMARKING, "Benchmarking (RFC 5180)"),
            r("2001:db8::/32", AddressClass.DOCUMENTATION, "Documentation (RFC 3849)"),
            r("3fff::/20", AddressClass.DOCUMENTATION, "Documentation (RFC 9637)"),
            r("5f00::/16", AddressClass.RESERVED, "Segment Routing SIDs (RFC 9602)"),
            r("fc00::/7", AddressClass.UNIQUE_LOCAL, "Unique-Local (RFC 4193)"),
            r("fe80::/10", AddressClass.LINK_LOCAL, "Link-Local Unicast (RFC 4291)"),
            r("ff00::/8", AddressClass.MULTICAST, "Multicast (RFC 4291)")));

    private static final Cidr V4_MAPPED = Cidr.parse("::ffff:0:0/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3");

    private AddressClassifier() {
    }

    public static AddressClass classOf(InetAddress address) {
        return classify(address).addressClass();
    }

    public static AddressClassification classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return classifyV4(b);
        }
        if (V4_MAPPED.contains(b) || NAT64.contains(b)) {
            byte[] v4 = new byte[] {b[12], b[13], b[14], b[15]};
            return classifyV4(v4);
        }
        for (Range r : V6) {
            if (r.cidr.contains(b)) {
                return new AddressClassification(r.cls, r.cidr.toString(), r.name);
            }
        }
        if (!GLOBAL_UNICAST.contains(b)) {
            return new AddressClassification(AddressClass.RESERVED, "outside 2000::/3", "Not allocated for global unicast (RFC 4291)");
        }
        return new AddressClassification(AddressClass.PUBLIC, null, null);
    }

    private static AddressClassification classifyV4(byte[] b) {
        for (Range r : V4) {
            if (r.cidr.contains(b)) {
                return new AddressClassification(r.cls, r.cidr.toString(), r.name);
            }
        }
        return new AddressClassification(AddressClass.PUBLIC, null, null);
    }

    private static Range r(String cidr, AddressClass cls, String name) {
        return new Range(Cidr.parse(cidr), cls, name);
    }

    /** Longest prefix first, so that nested ranges (0.0.0.0/32 inside 0.0.0.0/8) win. */
    private static List<Range> sorted(List<Range> ranges) {
        List<Range> list = new ArrayList<>(ranges);
        list.sort(Comparator.comparingInt((Range r) -> r.cidr.prefixLength()).reversed());
        return List.copyOf(list);
    }
}
