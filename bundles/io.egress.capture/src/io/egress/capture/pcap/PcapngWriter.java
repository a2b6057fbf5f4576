package io.egress.capture.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a pcapng file: one section, any number of interfaces (each with its own link type and
 * microsecond or nanosecond resolution), packets as enhanced packet blocks. Buffered;
 * {@link #close()} flushes and closes the stream.
 */
public final class PcapngWriter implements Closeable {
    private static final int IF_TSRESOL = 9;

    private final OutputStream out;
    private final ByteOrder order;
    private final java.util.List<Integer> digits = new java.util.ArrayList<>();
    private ByteBuffer block = ByteBuffer.allocate(1 << 16);

    /** Writes the section header block at once. */
    public PcapngWriter(OutputStream out, ByteOrder order) throws IOException {
        this.out = out;
        this.order = order;
        ByteBuffer b = start(0x0a0d0d0a, 28);
        b.putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0).putLong(-1L);
        finish(b);
    }

    /**
     * Adds an interface description; returns its id for {@link #write}.
     *
     * @param nanos nanosecond resolution (if_tsresol 9) instead of the default microseconds
     */
    public int addInterface(int linkType, int snapLength, boolean nanos) throws IOException {
        ByteBuffer b = start(1, 20 + (nanos ? 12 : 0));
        b.putShort((short) linkType).putShort((short) 0).putInt(snapLength);
        if (nanos) {
            b.putShort((short) IF_TSRESOL).putShort((short) 1).put((byte) 9).put(new byte[3]);
            b.putInt(0); // opt_endofopt
        }
        finish(b);
        digits.add(nanos ? 9 : 6);
        return digits.size() - 1;
    }

    /** Writes one packet as an enhanced packet block. */
    public void write(int interfaceId, long epochNanos, byte[] data, int offset, int length, int wireLength) throws IOException {
        if (interfaceId < 0 || interfaceId >= digits.size()) {
            throw new IllegalArgumentException("no interface " + interfaceId + " (" + digits.size() + " added)");
        }
        long units = digits.get(interfaceId) == 9 ? epochNanos : Math.floorDiv(epochNanos, 1000L);
        int padded = (length + 3) & ~3;
        ByteBuffer b = start(6, 32 + padded);
        b.putInt(interfaceId).putInt((int) (units >>> 32)).putInt((int) units).putInt(length).putInt(Math.max(wireLength, length));
        b.put(data, offset, length);
        b.put(new byte[padded - length]);
        finish(b);
    }

    public void write(int interfaceId, long epochNanos, byte[] data) throws IOException {
        write(interfaceId, epochNanos, data, 0, data.length, data.length);
    }

    private ByteBuffer start(int type, int totalLength) {
        if (block.capacity() < totalLength) {
            block = ByteBuffer.allocate(Math.max(totalLength, block.capacity() * 2));
        }
        block.clear();
        block.order(order).putInt(type).putInt(totalLength);
        return block;
    }

    private void finish(ByteBuffer b) throws IOException {
        b.putInt(b.getInt(4));
        out.write(b.array(), 0, b.position());
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
