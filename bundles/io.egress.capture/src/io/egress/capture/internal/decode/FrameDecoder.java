package io.egress.capture.internal.decode;

import java.nio.ByteBuffer;

/**
 * Decodes one frame from its link layer down to the transport header into a {@link PacketView},
 * as far as the captured bytes go. Stateless apart from the views it fills; allocation-free.
 * Reads the buffer with absolute big-endian gets and never beyond {@code offset + capturedLength}.
 */
public final class FrameDecoder {
    private static final int ETH_IPV4 = 0x0800;
    private static final int ETH_IPV6 = 0x86dd;
    private static final int ETH_VLAN = 0x8100;
    private static final int ETH_QINQ = 0x88a8;
    private static final int ETH_QINQ_OLD = 0x9100;

    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int ICMP = 1;
    private static final int ICMPV6 = 58;
    private static final int SCTP = 132;
    private static final int DCCP = 33;

    /**
     * Decodes a frame. {@code buffer} must be big-endian ordered.
     *
     * @param linkType LINKTYPE_ value of the frame
     */
    public void decode(ByteBuffer buffer, int offset, int capturedLength, int linkType, PacketView view) {
        view.reset();
        int end = offset + capturedLength;
        switch (linkType) {
            case LinkTypes.ETHERNET -> ethernet(buffer, offset, end, view);
            case LinkTypes.LINUX_SLL -> {
                if (end - offset >= 16) {
                    etherType(buffer, buffer.getShort(offset + 14) & 0xffff, offset + 16, end, view);
                } else {
                    view.layer = PacketView.NOT_IP;
                }
            }
            case LinkTypes.LINUX_SLL2 -> {
                if (end - offset >= 20) {
                    etherType(buffer, buffer.getShort(offset) & 0xffff, offset + 20, end, view);
                } else {
                    view.layer = PacketView.NOT_IP;
                }
            }
            case LinkTypes.NULL -> nullLink(buffer, offset, end, view, false);
            case LinkTypes.LOOP -> nullLink(buffer, offset, end, view, true);
            case LinkTypes.RAW, LinkTypes.RAW_BSD_12, LinkTypes.RAW_BSD_14, LinkTypes.IPV4, LinkTypes.IPV6 -> rawIp(buffer, offset, end, view);
            default -> view.layer = PacketView.LINK_UNKNOWN;
        }
    }

    private void ethernet(ByteBuffer b, int p, int end, PacketView v) {
        if (end - p < 14) {
            v.layer = PacketView.NOT_IP;
            return;
        }
        int type = b.getShort(p + 12) & 0xffff;
        p += 14;
        int tags = 0;
        while ((type == ETH_VLAN || type == ETH_QINQ || type == ETH_QINQ_OLD) && end - p >= 4) {
            int vid = b.getShort(p) & 0x0fff;
            if (tags == 0) {
                v.outerVlan = vid;
            } else if (tags == 1) {
                v.innerVlan = vid;
            }
            tags++;
            type = b.getShort(p + 2) & 0xffff;
            p += 4;
        }
        etherType(b, type, p, end, v);
    }

    private void etherType(ByteBuffer b, int type, int p, int end, PacketView v) {
        if (type == ETH_IPV4) {
            ipv4(b, p, end, v);
        } else if (type == ETH_IPV6) {
            ipv6(b, p, end, v);
        } else {
            v.layer = PacketView.NOT_IP;
        }
    }

    /** BSD loopback: a 4-byte address family, host order for NULL (either byte order), network order for LOOP. */
    private void nullLink(ByteBuffer b, int p, int end, PacketView v, boolean networkOrder) {
        if (end - p < 4) {
            v.layer = PacketView.NOT_IP;
            return;
        }
        int family = b.getInt(p);
        if (!networkOrder && (family & 0xffff0000) != 0) {
            family = Integer.reverseBytes(family);
        }
        switch (family) {
            case 2 -> ipv4(b, p + 4, end, v);
            // AF_INET6 differs by system: Linux 10, NetBSD/OpenBSD 24, FreeBSD 28, macOS 30.
            case 10, 24, 28, 30 -> ipv6(b, p + 4, end, v);
            default -> v.layer = PacketView.NOT_IP;
        }
    }

    private void rawIp(ByteBuffer b, int p, int end, PacketView v) {
        if (end - p < 1) {
            v.layer = PacketView.NOT_IP;
            return;
        }
        int version = (b.get(p) & 0xf0) >>> 4;
        if (version == 4) {
            ipv4(b, p, end, v);
        } else if (version == 6) {
            ipv6(b, p, end, v);
        } else {
            v.layer = PacketView.NOT_IP;
        }
    }

    void ipv4(ByteBuffer b, int p, int end, PacketView v) {
        if (end - p < 20 || (b.get(p) & 0xf0) != 0x40) {
            v.layer = PacketView.NOT_IP;
            return;
        }
        int headerLength = (b.get(p) & 0x0f) * 4;
        int totalLength = b.getShort(p + 2) & 0xffff;
        int fragmentField = b.getShort(p + 6) & 0xffff;
        v.ipVersion = 4;
        v.layer = PacketView.IP;
        v.protocol = b.get(p + 9) & 0xff;
        v.srcHi = 0;
        v.srcLo = b.getInt(p + 12) & 0xffff_ffffL;
        v.dstHi = 0;
        v.dstLo = b.getInt(p + 16) & 0xffff_ffffL;
        if (headerLength < 20) {
            return; // bogus header length: addresses only
        }
        if (totalLength == 0) {
            // Segmentation offload: the length field is left 0, the frame tells the size.
            totalLength = end - p;
        }
        v.ipPayloadLength = Math.max(0, totalLength - headerLength);
        int fragmentOffset = fragmentField & 0x1fff;
        boolean more = (fragmentField & 0x2000) != 0;
        v.fragmentId = b.getShort(p + 4) & 0xffff;
        if (fragmentOffset != 0) {
            v.laterFragment = true;
            v.payloadLength = v.ipPayloadLength; // all of it is transport payload
            return;
        }
        v.firstFragment = more;
        int transportEnd = Math.min(end, p + Math.max(totalLength, headerLength));
        transport(b, p + headerLength, transportEnd, v);
    }

    void ipv6(ByteBuffer b, int p, int end, PacketView v) {
        if (end - p < 40 || (b.get(p) & 0xf0) != 0x60) {
            v.layer = PacketView.NOT_IP;
            return;
        }
        v.ipVersion = 6;
        v.layer = PacketView.IP;
        v.srcHi = b.getLong(p + 8);
        v.srcLo = b.getLong(p + 16);
        v.dstHi = b.getLong(p + 24);
        v.dstLo = b.getLong(p + 32);
        int payloadLength = b.getShort(p + 4) & 0xffff;
        if (payloadLength == 0) {
            payloadLength = end - p - 40; // jumbogram or offload: use what the frame holds
        }
        int next = b.get(p + 6) & 0xff;
        int q = p + 40;
        int payloadEnd = p + 40 + payloadLength;
        while (true) {
            v.protocol = next;
            switch (next) {
                case 0, 43, 60, 135, 139, 140 -> { // hop-by-hop, routing, destination options, mobility, HIP, shim6
                    if (end - q < 2) {
                        v.ipPayloadLength = Math.max(0, payloadEnd - q);
                        return;
                    }
                    next = b.get(q) & 0xff;
                    q += ((b.get(q + 1) & 0xff) + 1) * 8;
                }
                case 51 -> { // authentication header: length in 4-byte units, minus 2
                    if (end - q < 2) {
                        v.ipPayloadLength = Math.max(0, payloadEnd - q);
                        return;
                    }
                    next = b.get(q) & 0xff;
                    q += ((b.get(q + 1) & 0xff) + 2) * 4;
                }
                case 44 -> { // fragment
                    if (end - q < 8) {
                        v.ipPayloadLength = Math.max(0, payloadEnd - q);
                        return;
                    }
                    next = b.get(q) & 0xff;
                    int field = b.getShort(q + 2) & 0xffff;
                    int fragmentOffset = field >>> 3;
                    boolean more = (field & 1) != 0;
                    v.fragmentId = b.getInt(q + 4);
                    q += 8;
                    if (fragmentOffset != 0) {
                        v.protocol = next;
                        v.laterFragment = true;
                        v.ipPayloadLength = Math.max(0, payloadEnd - q);
                        v.payloadLength = v.ipPayloadLength;
                        return;
                    }
                    // An atomic fragment (offset 0, no more) is a whole datagram.
                    v.firstFragment = more;
                }
                default -> {
                    v.ipPayloadLength = Math.max(0, payloadEnd - q);
                    transport(b, q, Math.min(end, payloadEnd), v);
                    return;
                }
            }
        }
    }

    /** Decodes the transport header at {@code p}; {@code end} is the end of the captured bytes of this datagram. */
    private void transport(ByteBuffer b, int p, int end, PacketView v) {
        int available = end - p;
        switch (v.protocol) {
            case TCP -> {
                if (available < 4) {
                    return;
                }
                ports(b, p, v);
                if (available >= 14) {
                    v.tcpHeader = true;
                    v.tcpSeq = b.getInt(p + 4);
                    v.tcpAck = b.getInt(p + 8);
                    int headerLength = ((b.get(p + 12) & 0xf0) >>> 4) * 4;
                    v.tcpFlags = b.get(p + 13) & 0xff;
                    if (headerLength >= 20) {
                        payload(p + headerLength, end, v.ipPayloadLength - headerLength, v);
                    }
                }
            }
            case UDP -> {
                if (available < 4) {
                    return;
                }
                ports(b, p, v);
                payload(p + 8, end, v.ipPayloadLength - 8, v);
            }
            case SCTP, DCCP -> {
                if (available >= 4) {
                    ports(b, p, v); // both start with the two ports
                }
            }
            case ICMP, ICMPV6 -> icmp(b, p, end, v);
            default -> {
                // another protocol: the IP layer is all we key on
            }
        }
    }

    private static void ports(ByteBuffer b, int p, PacketView v) {
        v.hasPorts = true;
        v.layer = PacketView.TRANSPORT;
        v.srcPort = b.getShort(p) & 0xffff;
        v.dstPort = b.getShort(p + 2) & 0xffff;
    }

    private static void payload(int start, int end, int length, PacketView v) {
        v.payloadOffset = start;
        v.payloadLength = Math.max(0, length);
        v.payloadCaptured = Math.max(0, Math.min(end - start, v.payloadLength));
    }

    private void icmp(ByteBuffer b, int p, int end, PacketView v) {
        if (end - p < 4) {
            return;
        }
        v.layer = PacketView.TRANSPORT;
        int type = b.get(p) & 0xff;
        v.icmpType = type;
        v.icmpCode = b.get(p + 1) & 0xff;
        payload(p + 8, end, v.ipPayloadLength - 8, v);
        boolean v4 = v.protocol == ICMP;
        boolean echo = v4 ? (type == 8 || type == 0) : (type == 128 || type == 129);
        if (echo) {
            if (end - p >= 6) {
                v.icmpEchoId = b.getShort(p + 4) & 0xffff;
            }
            return;
        }
        boolean error = v4 ? (type == 3 || type == 4 || type == 5 || type == 11 || type == 12) : (type >= 1 && type <= 4);
        if (error && end - p > 8) {
            PacketView inner = v.quoted;
            if (inner == null) {
                inner = new PacketView();
                v.quoted = inner;
            }
            inner.reset();
            if (v4) {
                ipv4(b, p + 8, end, inner);
            } else {
                ipv6(b, p + 8, end, inner);
            }
            v.icmpQuotesPacket = inner.layer >= PacketView.IP && !inner.laterFragment;
        }
    }
}
