package io.egress.capture.internal.decode;

/**
 * What the decoder found in one frame: a mutable, reused view (no allocation per packet).
 * Addresses are held as two longs each (IPv4 in the low 32 bits of {@code lo}, {@code hi} 0).
 * Fields beyond {@link #layer} are meaningful only when that layer was reached.
 */
public final class PacketView {
    /** How far decoding got. */
    public static final int LINK_UNKNOWN = 0;
    public static final int NOT_IP = 1;
    public static final int IP = 2;
    public static final int TRANSPORT = 3;

    public int layer;
    public int outerVlan;
    public int innerVlan;

    public int ipVersion;
    public long srcHi;
    public long srcLo;
    public long dstHi;
    public long dstLo;
    /** Transport protocol number after the IPv6 extension chain. */
    public int protocol;
    /** Transport bytes as the IP length fields give them (header + payload), independent of capture cut. */
    public int ipPayloadLength;

    /** A fragment other than the first: the transport header is in another packet. */
    public boolean laterFragment;
    /** The first fragment of a fragmented datagram (more follow). */
    public boolean firstFragment;
    public int fragmentId;

    public boolean hasPorts;
    public int srcPort;
    public int dstPort;
    /** Whether the TCP flags and sequence numbers were captured. */
    public boolean tcpHeader;
    public int tcpFlags;
    public int tcpSeq;
    public int tcpAck;
    /** Offset of the transport payload in the buffer and how many bytes of it were captured. */
    public int payloadOffset;
    public int payloadCaptured;
    /** Payload bytes according to the headers (not cut by the snap length). */
    public int payloadLength;

    public int icmpType;
    public int icmpCode;
    /** For ICMP echo request/reply: the identifier, else -1. */
    public int icmpEchoId;
    /** An ICMP error whose quoted packet header could be decoded into {@link #quoted}. */
    public boolean icmpQuotesPacket;

    /** The packet quoted by an ICMP error (its own view, only IP and port fields used). */
    public PacketView quoted;

    void reset() {
        layer = LINK_UNKNOWN;
        outerVlan = -1;
        innerVlan = -1;
        ipVersion = 0;
        protocol = -1;
        laterFragment = false;
        firstFragment = false;
        hasPorts = false;
        srcPort = 0;
        dstPort = 0;
        tcpFlags = 0;
        tcpHeader = false;
        payloadOffset = 0;
        payloadCaptured = 0;
        payloadLength = 0;
        icmpEchoId = -1;
        icmpQuotesPacket = false;
    }

    public boolean isIpv6() { return ipVersion == 6; }

    /** Address as 4 or 16 bytes. */
    public static byte[] address(boolean v6, long hi, long lo) {
        if (!v6) {
            int a = (int) lo;
            return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (hi >>> (56 - 8 * i));
            out[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return out;
    }
}
