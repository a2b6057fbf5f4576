package io.egress.capture.internal.live;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pcapng from a stream that cannot seek or tell its size (dumpcap's stdout): the project's
 * file reader needs a file of known size. Only what dumpcap writes is needed: section headers,
 * interface descriptions (link type, if_tsresol, if_tsoffset), enhanced and simple packet blocks,
 * and interface statistics (isb_ifrecv, isb_ifdrop); other blocks are skipped.
 */
final class PcapngStream {
    private static final int SHB = 0x0a0d0d0a;
    private static final int IDB = 1;
    private static final int SPB = 3;
    private static final int ISB = 5;
    private static final int EPB = 6;
    private static final int MAX_BLOCK = 64 << 20;

    /** One packet; {@code data} is reused and valid until the next call. */
    static final class Packet {
        byte[] data = new byte[1 << 16];
        int offset;
        int capturedLength;
        int wireLength;
        int interfaceId;
        int linkType;
        long epochNanos;
    }

    /** What the stream declares besides packets. */
    interface Events {
        /** An interface description was read (dumpcap writes it at start, before any packet). */
        void interfaceDeclared(int interfaceId, int linkType);

        /** Counters from an interface statistics block (dumpcap writes one when it stops); -1 when absent. */
        void statistics(int interfaceId, long received, long dropped);
    }

    private record Interface(int linkType, boolean power2, int exponent, long offsetSeconds) {
    }

    private final InputStream in;
    private final Events events;
    private final List<Interface> interfaces = new ArrayList<>();
    private final byte[] header = new byte[8];
    private ByteOrder order = ByteOrder.BIG_ENDIAN;

    PcapngStream(InputStream in, Events events) {
        this.in = in;
        this.events = events;
    }

    /** Link type of the first interface, -1 before its description was read. */
    int firstLinkType() {
        return interfaces.isEmpty() ? -1 : interfaces.get(0).linkType();
    }

    /** Fills {@code p} with the next packet; false at the end of the stream. */
    boolean next(Packet p) throws IOException {
        while (true) {
            if (in.readNBytes(header, 0, 8) < 8) {
                return false;
            }
            int type = ByteBuffer.wrap(header).order(order).getInt(0);
            if (type == SHB) {
                readSection(p);
                continue;
            }
            int length = ByteBuffer.wrap(header).order(order).getInt(4);
            if (length < 12 || length % 4 != 0 || length > MAX_BLOCK) {
                throw new IOException("pcapng stream: block of type " + type + " has an invalid length " + length);
            }
            ByteBuffer body = body(p, length - 8);
            switch (type) {
                case IDB -> {
                    interfaces.add(interfaceDescription(body, length - 12));
                    events.interfaceDeclared(interfaces.size() - 1, interfaces.get(interfaces.size() - 1).linkType());
                }
                case EPB -> {
                    enhancedPacket(body, p);
                    return true;
                }
                case SPB -> {
                    simplePacket(body, p, length);
                    return true;
                }
                case ISB -> interfaceStatistics(body, length - 12);
                default -> {
                    // name resolution, custom and other blocks carry nothing we use
                }
            }
        }
    }

    private void readSection(Packet p) throws IOException {
        byte[] rest = in.readNBytes(4);
        if (rest.length < 4) {
            throw new EOFException("pcapng stream ends inside a section header");
        }
        int magic = ByteBuffer.wrap(rest).order(ByteOrder.BIG_ENDIAN).getInt();
        order = magic == 0x1a2b3c4d ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int length = ByteBuffer.wrap(header).order(order).getInt(4);
        if (length < 28 || length > MAX_BLOCK) {
            throw new IOException("pcapng stream: section header length " + length);
        }
        body(p, length - 12);
        interfaces.clear();
    }

    /** Reads {@code n} bytes into the packet's array (grown as needed) and views them in the section's byte order. */
    private ByteBuffer body(Packet p, int n) throws IOException {
        if (p.data.length < n) {
            p.data = new byte[Math.max(n, p.data.length * 2)];
        }
        if (in.readNBytes(p.data, 0, n) < n) {
            throw new EOFException("pcapng stream ends inside a block");
        }
        return ByteBuffer.wrap(p.data, 0, n).order(order);
    }

    private static Interface interfaceDescription(ByteBuffer b, int bodyLength) {
        int linkType = b.getShort(0) & 0xffff;
        boolean power2 = false;
        int exponent = 6;
        long offset = 0;
        int pos = 8;
        while (pos + 4 <= bodyLength) {
            int code = b.getShort(pos) & 0xffff;
            int len = b.getShort(pos + 2) & 0xffff;
            if (code == 0) {
                break;
            }
            if (code == 9 && len >= 1) {
                int v = b.get(pos + 4) & 0xff;
                power2 = (v & 0x80) != 0;
                exponent = v & 0x7f;
            } else if (code == 14 && len >= 8) {
                offset = b.getLong(pos + 4);
            }
            pos += 4 + ((len + 3) & ~3);
        }
        return new Interface(linkType, power2, exponent, offset);
    }

    private void enhancedPacket(ByteBuffer b, Packet p) throws IOException {
        int id = b.getInt(0);
        Interface itf = interfaceOf(id);
        long units = (b.getInt(4) & 0xffff_ffffL) << 32 | (b.getInt(8) & 0xffff_ffffL);
        p.interfaceId = id;
        p.linkType = itf.linkType();
        p.epochNanos = toNanos(units, itf);
        p.capturedLength = b.getInt(12);
        p.wireLength = b.getInt(16);
        p.offset = 20;
        if (p.capturedLength < 0 || 20 + p.capturedLength > b.limit()) {
            throw new IOException("pcapng stream: packet length " + p.capturedLength + " beyond its block");
        }
    }

    private void simplePacket(ByteBuffer b, Packet p, int blockLength) throws IOException {
        Interface itf = interfaceOf(0);
        p.interfaceId = 0;
        p.linkType = itf.linkType();
        p.epochNanos = 0;
        p.wireLength = b.getInt(0);
        p.capturedLength = Math.min(p.wireLength, blockLength - 16);
        p.offset = 4;
    }

    private void interfaceStatistics(ByteBuffer b, int bodyLength) {
        int id = b.getInt(0);
        long received = -1;
        long dropped = -1;
        int pos = 12;
        while (pos + 4 <= bodyLength) {
            int code = b.getShort(pos) & 0xffff;
            int len = b.getShort(pos + 2) & 0xffff;
            if (code == 0) {
                break;
            }
            if (code == 4 && len == 8) {
                received = b.getLong(pos + 4);
            } else if (code == 5 && len == 8) {
                dropped = b.getLong(pos + 4);
            }
            pos += 4 + ((len + 3) & ~3);
        }
        events.statistics(id, received, dropped);
    }

    private Interface interfaceOf(int id) throws IOException {
        if (id < 0 || id >= interfaces.size()) {
            throw new IOException("pcapng stream: packet of undeclared interface " + id);
        }
        return interfaces.get(id);
    }

    static long toNanos(long units, boolean power2, int exponent) {
        if (power2) {
            long whole = units >>> exponent;
            long fraction = units & ((1L << exponent) - 1);
            return whole * 1_000_000_000L + Math.unsignedMultiplyHigh(fraction << (64 - exponent), 1_000_000_000L);
        }
        if (exponent <= 9) {
            long scale = 1;
            for (int i = exponent; i < 9; i++) {
                scale *= 10;
            }
            return units * scale;
        }
        long divisor = 1;
        for (int i = 9; i < exponent; i++) {
            divisor *= 10;
        }
        return units / divisor;
    }

    private static long toNanos(long units, Interface itf) {
        return toNanos(units, itf.power2(), itf.exponent()) + itf.offsetSeconds() * 1_000_000_000L;
    }
}
