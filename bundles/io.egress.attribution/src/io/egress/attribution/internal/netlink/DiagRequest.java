package io.egress.attribution.internal.netlink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds NETLINK_SOCK_DIAG requests: a netlink header followed by {@code struct inet_diag_req_v2}
 * (linux/inet_diag.h). Header and state mask are in host byte order, ports and addresses in
 * network order, as the kernel expects.
 */
public final class DiagRequest {
    static final int NLMSG_HEADER = 16;
    static final int REQ_V2 = 56;
    static final short SOCK_DIAG_BY_FAMILY = 20;
    /** The older request type (struct inet_diag_req), answered for both address families at once. */
    static final short TCPDIAG_GETSOCK = 18;
    static final int REQ_V1 = 60;
    static final short NLM_F_REQUEST = 0x1;
    static final short NLM_F_ACK = 0x4;
    static final short NLM_F_DUMP = 0x300;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;
    /** Every state bit: TCP states 1..12, and UDP's ESTABLISHED/CLOSE. */
    public static final int ALL_STATES = 0xFFFFFFFF;

    private DiagRequest() {
    }

    /** A dump of every socket of one family and protocol whose state is in the mask. */
    public static byte[] dump(int family, int protocol, int stateMask, int sequence, ByteOrder hostOrder) {
        ByteBuffer b = header(NLM_F_REQUEST | NLM_F_DUMP, sequence, hostOrder);
        b.put((byte) family).put((byte) protocol).put((byte) 0).put((byte) 0);
        b.putInt(stateMask);
        // an all-zero socket id matches everything in a dump, except the cookie which must say "none"
        b.position(b.position() + 36);
        b.putInt(0);
        b.putInt(-1).putInt(-1);
        return b.array();
    }

    /**
     * A dump of every TCP socket, IPv4 and IPv6, in one request: the compatibility request type
     * {@code TCPDIAG_GETSOCK} makes the kernel ask for family AF_UNSPEC, so it walks its TCP hash
     * tables once instead of once per family. That walk is most of a refresh's cost when there are
     * few sockets (the established table has one bucket per few KiB of RAM, most of them empty).
     */
    public static byte[] dumpTcpBothFamilies(int stateMask, int sequence, ByteOrder hostOrder) {
        ByteBuffer b = ByteBuffer.allocate(NLMSG_HEADER + REQ_V1).order(hostOrder);
        b.putInt(NLMSG_HEADER + REQ_V1);
        b.putShort(TCPDIAG_GETSOCK);
        b.putShort((short) (NLM_F_REQUEST | NLM_F_DUMP));
        b.putInt(sequence);
        b.putInt(0);
        b.put((byte) AF_INET).put((byte) 0).put((byte) 0).put((byte) 0); // family is ignored: AF_UNSPEC
        b.position(b.position() + 40); // socket id: ports, addresses, interface all zero
        b.putInt(-1).putInt(-1); // INET_DIAG_NOCOOKIE
        b.putInt(stateMask);
        b.putInt(0); // idiag_dbs, unused
        return b.array();
    }

    /**
     * A lookup of the one socket with this exact 4-tuple (seen from the socket: local = source).
     * For a listening or unconnected socket the remote address is the unspecified address and port 0.
     * Addresses must be of the family asked for (an IPv4 tuple owned by a dual-stack IPv6 socket is
     * asked as {@code ::ffff:a.b.c.d} with AF_INET6).
     */
    public static byte[] exact(int family, int protocol, InetAddress local, int localPort, InetAddress remote,
            int remotePort, int sequence, ByteOrder hostOrder) {
        // a single answer has no NLMSG_DONE: ask for an acknowledgement to know it is complete
        ByteBuffer b = header(NLM_F_REQUEST | NLM_F_ACK, sequence, hostOrder);
        b.put((byte) family).put((byte) protocol).put((byte) 0).put((byte) 0);
        b.putInt(ALL_STATES);
        b.order(ByteOrder.BIG_ENDIAN);
        b.putShort((short) localPort).putShort((short) remotePort);
        b.put(padded(local, family)).put(padded(remote, family));
        b.order(hostOrder);
        b.putInt(0); // any interface
        b.putInt(-1).putInt(-1); // INET_DIAG_NOCOOKIE
        return b.array();
    }

    private static ByteBuffer header(int flags, int sequence, ByteOrder hostOrder) {
        ByteBuffer b = ByteBuffer.allocate(NLMSG_HEADER + REQ_V2).order(hostOrder);
        b.putInt(NLMSG_HEADER + REQ_V2);
        b.putShort(SOCK_DIAG_BY_FAMILY);
        b.putShort((short) flags);
        b.putInt(sequence);
        b.putInt(0); // the kernel fills in our port id
        return b;
    }

    /**
     * The 16-byte address field: IPv4 in the first 4 bytes for AF_INET; for AF_INET6 all 16, an
     * IPv4 address written as {@code ::ffff:a.b.c.d} (Java folds mapped literals into IPv4).
     */
    private static byte[] padded(InetAddress address, int family) {
        byte[] raw = address.getAddress();
        byte[] out = new byte[16];
        if (family == AF_INET) {
            if (!(address instanceof Inet4Address)) {
                throw new IllegalArgumentException(address + " is not an IPv4 address");
            }
            System.arraycopy(raw, 0, out, 0, 4);
        } else if (raw.length == 4) {
            out[10] = (byte) 0xff;
            out[11] = (byte) 0xff;
            System.arraycopy(raw, 0, out, 12, 4);
        } else {
            System.arraycopy(raw, 0, out, 0, 16);
        }
        return out;
    }
}
