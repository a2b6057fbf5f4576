package io.egress.capture.pcap;

import java.nio.ByteBuffer;

/**
 * One packet record of a capture file, reused by a {@link PacketSource} for every packet so that
 * reading allocates nothing per packet. The bytes stay valid only until the next call to
 * {@link PacketSource#next(PacketRecord)}; copy them with {@link #copyData()} to keep them.
 */
public final class PacketRecord {
    private ByteBuffer buffer;
    private int offset;
    private int capturedLength;
    private int originalLength;
    private int linkType;
    private int interfaceId;
    private long seconds;
    private int nanos;
    private int digits;
    private long fileOffset;

    /** Called by readers to describe the current record. */
    public void set(ByteBuffer buffer, int offset, int capturedLength, int originalLength, int linkType, int interfaceId,
            long seconds, int nanos, int digits, long fileOffset) {
        this.buffer = buffer;
        this.offset = offset;
        this.capturedLength = capturedLength;
        this.originalLength = originalLength;
        this.linkType = linkType;
        this.interfaceId = interfaceId;
        this.seconds = seconds;
        this.nanos = nanos;
        this.digits = digits;
        this.fileOffset = fileOffset;
    }

    /** The buffer holding the packet bytes; read it with absolute gets from {@link #offset()}. */
    public ByteBuffer buffer() { return buffer; }

    public int offset() { return offset; }

    /** Bytes present in the file (at most the snap length). */
    public int capturedLength() { return capturedLength; }

    /** Bytes the packet had on the wire. */
    public int originalLength() { return originalLength; }

    /** LINKTYPE_ value of the packet's interface (1 Ethernet, 113 Linux SLL, ...). */
    public int linkType() { return linkType; }

    /** Interface index in the pcapng section (0 for pcap). */
    public int interfaceId() { return interfaceId; }

    public long seconds() { return seconds; }

    /** Fraction in nanoseconds, as the file gave it (see {@link Timestamp}). */
    public int nanos() { return nanos; }

    /** Fraction digits of the interface's resolution. */
    public int digits() { return digits; }

    public long epochNanos() { return seconds * 1_000_000_000L + nanos; }

    public Timestamp timestamp() { return new Timestamp(seconds, nanos, digits); }

    /** Offset of the record's header in the file. */
    public long fileOffset() { return fileOffset; }

    /** A copy of the captured bytes. */
    public byte[] copyData() {
        byte[] copy = new byte[capturedLength];
        buffer.get(offset, copy);
        return copy;
    }
}
