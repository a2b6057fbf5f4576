package io.egress.capture;

import io.egress.core.net.IpAddresses;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Hand-built frames for decoder tests: each layer is written field by field from the RFCs. */
final class Frames {
    private Frames() {
    }

    static byte[] ip(String text) {
        return IpAddresses.parseLiteral(text);
    }

    static byte[] udp(int srcPort, int dstPort, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putShort((short) srcPort).putShort((short) dstPort)
                .putShort((short) (8 + payload.length)).putShort((short) 0).put(payload).array();
    }

    /** TCP with a 20-byte header; flags as in the header byte (SYN 0x02, ACK 0x10, FIN 0x01, RST 0x04). */
    static byte[] tcp(int srcPort, int dstPort, int seq, int ack, int flags, byte[] payload) {
        return ByteBuffer.allocate(20 + payload.length).putShort((short) srcPort).putShort((short) dstPort).putInt(seq).putInt(ack)
                .put((byte) 0x50).put((byte) flags).putShort((short) 65535).putShort((short) 0).putShort((short) 0).put(payload).array();
    }

    static byte[] icmp(int type, int code, int restOfHeader, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).put((byte) type).put((byte) code).putShort((short) 0).putInt(restOfHeader).put(body)
                .array();
    }

    /** IPv4 header without options, not fragmented. */
    static byte[] ipv4(int protocol, String src, String dst, byte[] payload) {
        return ipv4Fragment(protocol, src, dst, 0x1234, 0, false, payload);
    }

    /** @param offset8 fragment offset in 8-byte units */
    static byte[] ipv4Fragment(int protocol, String src, String dst, int id, int offset8, boolean more, byte[] payload) {
        return ByteBuffer.allocate(20 + payload.length).put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length))
                .putShort((short) id).putShort((short) ((more ? 0x2000 : 0) | offset8)).put((byte) 64).put((byte) protocol)
                .putShort((short) 0).put(ip(src)).put(ip(dst)).put(payload).array();
    }

    /** IPv4 header with {@code options} (a multiple of 4 bytes). */
    static byte[] ipv4WithOptions(int protocol, String src, String dst, byte[] options, byte[] payload) {
        int header = 20 + options.length;
        return ByteBuffer.allocate(header + payload.length).put((byte) (0x40 | header / 4)).put((byte) 0)
                .putShort((short) (header + payload.length)).putShort((short) 1).putShort((short) 0).put((byte) 64)
                .put((byte) protocol).putShort((short) 0).put(ip(src)).put(ip(dst)).put(options).put(payload).array();
    }

    /** IPv6 with the given first next-header value; {@code rest} holds extension headers and the transport. */
    static byte[] ipv6(int nextHeader, String src, String dst, byte[] rest) {
        return ByteBuffer.allocate(40 + rest.length).putInt(0x60000000).putShort((short) rest.length).put((byte) nextHeader)
                .put((byte) 64).put(ip(src)).put(ip(dst)).put(rest).array();
    }

    /** An 8-byte extension header (hop-by-hop, destination options) padded with PadN. */
    static byte[] extension(int nextHeader, byte[] rest) {
        return concat(new byte[] {(byte) nextHeader, 0, 1, 4, 0, 0, 0, 0}, rest);
    }

    static byte[] fragmentHeader(int nextHeader, int offset8, boolean more, int id, byte[] rest) {
        return concat(ByteBuffer.allocate(8).put((byte) nextHeader).put((byte) 0).putShort((short) ((offset8 << 3) | (more ? 1 : 0)))
                .putInt(id).array(), rest);
    }

    static byte[] ethernet(int etherType, byte[] payload) {
        return concat(ByteBuffer.allocate(14).put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) etherType).array(),
                payload);
    }

    /** Ethernet with 802.1Q tags (TPID 0x8100 for one tag; 0x88a8 outer + 0x8100 inner for two). */
    static byte[] ethernetTagged(int etherType, byte[] payload, int... vlanIds) {
        ByteBuffer b = ByteBuffer.allocate(12 + 4 * vlanIds.length + 2);
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1});
        for (int i = 0; i < vlanIds.length; i++) {
            b.putShort((short) (vlanIds.length > 1 && i == 0 ? 0x88a8 : 0x8100)).putShort((short) vlanIds[i]);
        }
        return concat(b.putShort((short) etherType).array(), payload);
    }

    /** Linux cooked v1 with a zero-length link-layer address, as on "any" captures of tunnels. */
    static byte[] sll(int protocol, byte[] payload) {
        return concat(ByteBuffer.allocate(16).putShort((short) 0).putShort((short) 0xfffe).putShort((short) 0).putLong(0)
                .putShort((short) protocol).array(), payload);
    }

    static byte[] sll2(int protocol, byte[] payload) {
        return concat(ByteBuffer.allocate(20).putShort((short) protocol).putShort((short) 0).putInt(3).putShort((short) 1)
                .put((byte) 0).put((byte) 6).put(new byte[] {2, 0, 0, 0, 0, 1, 0, 0}).array(), payload);
    }

    /** BSD NULL: the address family in the capturing host's byte order. */
    static byte[] nullLink(int family, boolean littleEndian, byte[] payload) {
        int f = littleEndian ? Integer.reverseBytes(family) : family;
        return concat(ByteBuffer.allocate(4).putInt(f).array(), payload);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
