package io.egress.capture.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a classic pcap file: microsecond or nanosecond timestamps, in the byte order asked for.
 * Buffered; {@link #close()} flushes and closes the stream.
 */
public final class PcapWriter implements Closeable {
    private final OutputStream out;
    private final boolean nanos;
    private final int snapLength;
    private final ByteBuffer header = ByteBuffer.allocate(24);
    private final ByteBuffer record;
    private final byte[] staging = new byte[1 << 16];
    private int staged;

    /**
     * Writes the file header at once.
     *
     * @param nanos      nanosecond timestamps (magic a1b23c4d) instead of microseconds
     * @param linkType   LINKTYPE_ value of every packet
     * @param snapLength the snap length recorded in the header; longer packets are cut to it
     * @param order      byte order of the header and record fields
     */
    public PcapWriter(OutputStream out, int linkType, boolean nanos, int snapLength, ByteOrder order) throws IOException {
        this.out = out;
        this.nanos = nanos;
        this.snapLength = snapLength;
        this.record = ByteBuffer.allocate(16).order(order);
        header.order(order).putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(snapLength).putInt(linkType);
        write(header.array(), 0, 24);
    }

    /** A little-endian microsecond file with snap length 262144, as tcpdump writes by default. */
    public PcapWriter(OutputStream out, int linkType) throws IOException {
        this(out, linkType, false, 262_144, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Writes one packet.
     *
     * @param epochNanos capture time; written at the file's precision (microseconds truncate)
     * @param wireLength the packet's length on the wire (at least {@code length})
     */
    public void write(long epochNanos, byte[] data, int offset, int length, int wireLength) throws IOException {
        int captured = Math.min(length, snapLength);
        long seconds = Math.floorDiv(epochNanos, 1_000_000_000L);
        int fraction = (int) Math.floorMod(epochNanos, 1_000_000_000L);
        record.clear();
        record.putInt((int) seconds).putInt(nanos ? fraction : fraction / 1000).putInt(captured).putInt(Math.max(wireLength, length));
        write(record.array(), 0, 16);
        write(data, offset, captured);
    }

    /** Writes a whole packet that was not cut. */
    public void write(long epochNanos, byte[] data) throws IOException {
        write(epochNanos, data, 0, data.length, data.length);
    }

    private void write(byte[] b, int off, int len) throws IOException {
        if (staged + len > staging.length) {
            flush();
            if (len > staging.length) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, staging, staged, len);
        staged += len;
    }

    public void flush() throws IOException {
        out.write(staging, 0, staged);
        staged = 0;
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
