package io.egress.capture.internal.proto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Community ID flow hashing, version 1 (the Corelight "community-id-spec"): a SHA-1 over the
 * seed, both addresses, the IP protocol, one padding byte and both ports, with the endpoints put
 * in a fixed order so that both directions of a flow get the same id, printed as {@code "1:"} and
 * the base64 digest. Wireshark, Zeek and Suricata print the same string, which lets an analyst
 * pivot from an Egress flow to those tools.
 * <p>
 * ICMP and ICMPv6 have no ports: pass the message type as {@code srcPort} and the code as
 * {@code dstPort}. Request/reply types (echo, timestamp, neighbour solicitation ...) are mapped to
 * the pair (type, counterpart type) so both directions agree; other types are "one-way" and keep
 * (type, code) without reordering the endpoints, as the specification defines.
 * <p>
 * An instance holds one {@link MessageDigest} and is not thread-safe; the flow table keeps one per
 * decoding thread. {@link #v1(int, byte[], byte[], int, int, int)} is the allocation-heavier
 * convenience form.
 */
public final class CommunityId {
    public static final int PROTO_ICMP = 1;
    public static final int PROTO_TCP = 6;
    public static final int PROTO_UDP = 17;
    public static final int PROTO_ICMPV6 = 58;
    public static final int PROTO_SCTP = 132;

    private static final String PREFIX = "1:";

    private final int seed;
    private final MessageDigest sha1;
    private final byte[] scratch = new byte[2 + 16 + 16 + 2 + 4];

    /** A hasher for the given seed (0 unless the deployment agreed on another; only the low 16 bits count). */
    public CommunityId(int seed) {
        this.seed = seed & 0xffff;
        try {
            this.sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE runtime must provide SHA-1.
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }

    /**
     * The v1 Community ID of a flow, as seen in one packet of it.
     *
     * @param seed    the seed (normally 0)
     * @param srcAddr source address, 4 bytes (IPv4) or 16 bytes (IPv6)
     * @param dstAddr destination address, same length as {@code srcAddr}
     * @param ipProto IP protocol number (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6, 132 SCTP, others hash without ports)
     * @param srcPort source port, or the ICMP/ICMPv6 type
     * @param dstPort destination port, or the ICMP/ICMPv6 code
     * @return e.g. {@code "1:wCb3OG7yAFWelaUydu0D+125CLM="}
     * @throws IllegalArgumentException when the addresses are not both 4 or both 16 bytes long
     */
    public static String v1(int seed, byte[] srcAddr, byte[] dstAddr, int ipProto, int srcPort, int dstPort) {
        return new CommunityId(seed).of(srcAddr, dstAddr, ipProto, srcPort, dstPort);
    }

    /** As {@link #v1(int, byte[], byte[], int, int, int)}, with this instance's seed and digest. */
    public String of(byte[] srcAddr, byte[] dstAddr, int ipProto, int srcPort, int dstPort) {
        if (srcAddr.length != dstAddr.length || (srcAddr.length != 4 && srcAddr.length != 16)) {
            throw new IllegalArgumentException("addresses must both be IPv4 or both IPv6");
        }
        int proto = ipProto & 0xff;
        boolean hasPorts = proto == PROTO_TCP || proto == PROTO_UDP || proto == PROTO_SCTP
                || proto == PROTO_ICMP || proto == PROTO_ICMPV6;
        int sport = srcPort & 0xffff;
        int dport = dstPort & 0xffff;
        boolean oneWay = false;
        if (proto == PROTO_ICMP || proto == PROTO_ICMPV6) {
            int counterpart = proto == PROTO_ICMP ? icmp4Counterpart(sport) : icmp6Counterpart(sport);
            if (counterpart >= 0) {
                dport = counterpart;
            } else {
                oneWay = true;
            }
        }
        int order = compareUnsigned(srcAddr, dstAddr);
        boolean keep = oneWay || order < 0 || (order == 0 && hasPorts && sport < dport);

        byte[] a = keep ? srcAddr : dstAddr;
        byte[] b = keep ? dstAddr : srcAddr;
        int pa = keep ? sport : dport;
        int pb = keep ? dport : sport;

        int n = 0;
        scratch[n++] = (byte) (seed >>> 8);
        scratch[n++] = (byte) seed;
        System.arraycopy(a, 0, scratch, n, a.length);
        n += a.length;
        System.arraycopy(b, 0, scratch, n, b.length);
        n += b.length;
        scratch[n++] = (byte) proto;
        scratch[n++] = 0; // padding byte defined by the specification
        if (hasPorts) {
            scratch[n++] = (byte) (pa >>> 8);
            scratch[n++] = (byte) pa;
            scratch[n++] = (byte) (pb >>> 8);
            scratch[n++] = (byte) pb;
        }
        sha1.reset();
        sha1.update(scratch, 0, n);
        return PREFIX + Base64.getEncoder().encodeToString(sha1.digest());
    }

    private static int compareUnsigned(byte[] x, byte[] y) {
        for (int i = 0; i < x.length; i++) {
            int d = (x[i] & 0xff) - (y[i] & 0xff);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    /** ICMPv4 request/reply pairs (RFC 792, 950, 1256); -1 for one-way types. */
    private static int icmp4Counterpart(int type) {
        return switch (type) {
            case 8 -> 0;
            case 0 -> 8;
            case 13 -> 14;
            case 14 -> 13;
            case 15 -> 16;
            case 16 -> 15;
            case 10 -> 9;
            case 9 -> 10;
            case 17 -> 18;
            case 18 -> 17;
            default -> -1;
        };
    }

    /** ICMPv6 pairs: echo, MLD query/report, router and neighbour discovery, node information, home agent discovery. */
    private static int icmp6Counterpart(int type) {
        return switch (type) {
            case 128 -> 129;
            case 129 -> 128;
            case 130 -> 131;
            case 131 -> 130;
            case 133 -> 134;
            case 134 -> 133;
            case 135 -> 136;
            case 136 -> 135;
            case 139 -> 140;
            case 140 -> 139;
            case 144 -> 145;
            case 145 -> 144;
            default -> -1;
        };
    }
}
