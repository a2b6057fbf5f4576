package io.egress.capture.internal.live;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A pcapng writer whose interfaces carry their name (if_name) and whose packets may carry a
 * comment (opt_comment), which Wireshark shows as {@code frame.comment}. Nanosecond timestamps.
 * (The engine's PcapngWriter writes no options; this stays here until it does.)
 */
final class CommentedPcapngWriter implements Closeable {
    private static final int OPT_END = 0;
    private static final int OPT_COMMENT = 1;
    private static final int IF_NAME = 2;
    private static final int IF_TSRESOL = 9;

    private final OutputStream out;
    private ByteBuffer block = ByteBuffer.allocate(1 << 16).order(ByteOrder.nativeOrder());
    private int interfaces;

    CommentedPcapngWriter(OutputStream out) throws IOException {
        this.out = out;
        ByteBuffer b = start(0x0a0d0d0a, 28);
        b.putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0).putLong(-1L);
        finish(b);
    }

    int addInterface(int linkType, int snapLength, String name) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        int length = 20 + optionLength(nameBytes.length) + optionLength(1) + 4;
        ByteBuffer b = start(1, length);
        b.putShort((short) linkType).putShort((short) 0).putInt(snapLength);
        option(b, IF_NAME, nameBytes);
        option(b, IF_TSRESOL, new byte[] {9});
        b.putInt(OPT_END);
        finish(b);
        return interfaces++;
    }

    /** One enhanced packet block; {@code comment} empty for none. */
    void write(int interfaceId, long epochNanos, ByteBuffer data, int offset, int length, int wireLength, String comment) throws IOException {
        byte[] text = comment.getBytes(StandardCharsets.UTF_8);
        int padded = (length + 3) & ~3;
        int options = text.length == 0 ? 0 : optionLength(text.length) + 4;
        ByteBuffer b = start(6, 32 + padded + options);
        b.putInt(interfaceId).putInt((int) (epochNanos >>> 32)).putInt((int) epochNanos).putInt(length).putInt(Math.max(wireLength, length));
        b.put(b.position(), data, offset, length);
        b.position(b.position() + padded);
        if (text.length > 0) {
            option(b, OPT_COMMENT, text);
            b.putInt(OPT_END);
        }
        finish(b);
    }

    private static int optionLength(int valueLength) {
        return 4 + ((valueLength + 3) & ~3);
    }

    private static void option(ByteBuffer b, int code, byte[] value) {
        b.putShort((short) code).putShort((short) value.length).put(value);
        b.position(b.position() + (((value.length + 3) & ~3) - value.length));
    }

    private ByteBuffer start(int type, int totalLength) {
        if (block.capacity() < totalLength) {
            block = ByteBuffer.allocate(Math.max(totalLength, block.capacity() * 2)).order(ByteOrder.nativeOrder());
        }
        java.util.Arrays.fill(block.array(), 0, totalLength, (byte) 0); // padding bytes must be zero
        block.clear();
        block.putInt(type).putInt(totalLength);
        return block;
    }

    private void finish(ByteBuffer b) throws IOException {
        b.putInt(b.getInt(4));
        out.write(b.array(), 0, b.position());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
