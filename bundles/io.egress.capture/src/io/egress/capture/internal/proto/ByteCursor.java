package io.egress.capture.internal.proto;

import java.nio.ByteBuffer;

/**
 * A bounds-checked reading position over a region of a byte array. Every read checks the region's
 * end first and throws {@link ProtocolParseException} instead of an index exception, so parsers
 * written on top of it cannot read outside the region whatever the input claims. Offsets reported
 * in exceptions are relative to the region's start.
 */
final class ByteCursor {
    private final byte[] data;
    private final int start;
    private final int end;
    /** Offset of this region within the outermost parsed region, so nested cursors report useful offsets. */
    private final int base;
    private int pos;

    ByteCursor(byte[] data, int offset, int length) {
        this(data, offset, length, 0);
    }

    private ByteCursor(byte[] data, int offset, int length, int base) {
        checkRegion(data, offset, length);
        this.data = data;
        this.start = offset;
        this.end = offset + length;
        this.base = base;
        this.pos = offset;
    }

    /** Validates a caller-supplied region; a bad region is a caller bug, not hostile input. */
    static void checkRegion(byte[] data, int offset, int length) {
        if (data == null) {
            throw new NullPointerException("data");
        }
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IndexOutOfBoundsException("region " + offset + "+" + length + " outside array of " + data.length);
        }
    }

    /**
     * The bytes between a buffer's position and limit as an array region: the backing array when
     * there is one (no copy), otherwise a copy. The buffer's position is not changed.
     */
    static ByteCursor over(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            return new ByteCursor(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return new ByteCursor(copy, 0, copy.length);
    }

    byte[] array() {
        return data;
    }

    /** Absolute index in {@link #array()} of the next byte to read. */
    int index() {
        return pos;
    }

    /** Offset of the next byte relative to the outermost region's start (for error reports). */
    int offset() {
        return base + pos - start;
    }

    /** Absolute index in {@link #array()} of the region's start. */
    int regionStart() {
        return start;
    }

    int remaining() {
        return end - pos;
    }

    /** The offset, as {@link #offset()} reports it, of an absolute index in {@link #array()}. */
    int offsetOf(int index) {
        return base + index - start;
    }

    /** Moves to an offset as {@link #offset()} reports it; it must lie inside the region. */
    void seek(int offset, String field) throws ProtocolParseException {
        int index = start + offset - base;
        if (index < start || index > end) {
            throw ProtocolParseException.malformed(field, offset(), "offset " + offset + " outside the region");
        }
        pos = index;
    }

    void require(int count, String field) throws ProtocolParseException {
        if (count < 0 || count > end - pos) {
            throw ProtocolParseException.truncated(field, offset());
        }
    }

    void skip(int count, String field) throws ProtocolParseException {
        require(count, field);
        pos += count;
    }

    int u8(String field) throws ProtocolParseException {
        require(1, field);
        return data[pos++] & 0xff;
    }

    int u16(String field) throws ProtocolParseException {
        require(2, field);
        int v = (data[pos] & 0xff) << 8 | data[pos + 1] & 0xff;
        pos += 2;
        return v;
    }

    int u24(String field) throws ProtocolParseException {
        require(3, field);
        int v = (data[pos] & 0xff) << 16 | (data[pos + 1] & 0xff) << 8 | data[pos + 2] & 0xff;
        pos += 3;
        return v;
    }

    long u32(String field) throws ProtocolParseException {
        require(4, field);
        long v = (long) (data[pos] & 0xff) << 24 | (data[pos + 1] & 0xff) << 16 | (data[pos + 2] & 0xff) << 8
                | data[pos + 3] & 0xff;
        pos += 4;
        return v;
    }

    /**
     * A QUIC variable-length integer (RFC 9000 section 16). Values up to 2^62-1 are returned as a
     * long; callers bound them before using them as lengths.
     */
    long varint(String field) throws ProtocolParseException {
        int first = u8(field);
        int extra = (1 << (first >>> 6)) - 1;
        require(extra, field);
        long v = first & 0x3f;
        for (int i = 0; i < extra; i++) {
            v = v << 8 | data[pos++] & 0xff;
        }
        return v;
    }

    /** A copy of the next {@code count} bytes. */
    byte[] bytes(int count, String field) throws ProtocolParseException {
        require(count, field);
        byte[] out = new byte[count];
        System.arraycopy(data, pos, out, 0, count);
        pos += count;
        return out;
    }

    /** A cursor over the next {@code count} bytes, which this cursor then skips. */
    ByteCursor slice(int count, String field) throws ProtocolParseException {
        require(count, field);
        ByteCursor sub = new ByteCursor(data, pos, count, offset());
        pos += count;
        return sub;
    }
}
