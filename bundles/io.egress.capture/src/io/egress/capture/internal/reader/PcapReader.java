package io.egress.capture.internal.reader;

import io.egress.capture.pcap.CaptureFormat;
import io.egress.capture.pcap.CaptureFormatException;
import io.egress.capture.pcap.PacketRecord;
import io.egress.capture.pcap.PacketSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Classic pcap: a 24-byte file header, then 16-byte record headers each followed by the packet. */
public final class PcapReader implements PacketSource {
    public static final int MAGIC_MICROS = 0xa1b2c3d4;
    public static final int MAGIC_NANOS = 0xa1b23c4d;
    /** Alexey Kuznetzov's patched libpcap: records carry 8 more bytes (ifindex, protocol, packet type). */
    public static final int MAGIC_KUZNETZOV = 0xa1b2cd34;
    private static final int FILE_HEADER = 24;

    private final ChannelInput in;
    private final boolean swapped;
    private final boolean nanos;
    private final int recordHeader;
    private final int linkType;
    private final List<String> warnings = new ArrayList<>();
    private boolean done;

    public static boolean isMagic(int bigEndianMagic) {
        for (int magic : new int[] {MAGIC_MICROS, MAGIC_NANOS, MAGIC_KUZNETZOV}) {
            if (bigEndianMagic == magic || bigEndianMagic == Integer.reverseBytes(magic)) {
                return true;
            }
        }
        return false;
    }

    public PcapReader(ChannelInput in) throws IOException {
        this.in = in;
        if (!in.request(FILE_HEADER)) {
            throw new CaptureFormatException(in.file(), in.remainingInFile(), "file_header",
                    "file ends inside the 24-byte pcap header");
        }
        ByteBuffer b = in.buffer();
        int p = b.position();
        int magic = b.getInt(p);
        swapped = magic == Integer.reverseBytes(MAGIC_MICROS) || magic == Integer.reverseBytes(MAGIC_NANOS)
                || magic == Integer.reverseBytes(MAGIC_KUZNETZOV);
        nanos = magic == MAGIC_NANOS || magic == Integer.reverseBytes(MAGIC_NANOS);
        recordHeader = magic == MAGIC_KUZNETZOV || magic == Integer.reverseBytes(MAGIC_KUZNETZOV) ? 24 : 16;
        int major = u16(b.getShort(p + 4));
        if (major != 2) {
            throw new CaptureFormatException(in.file(), 4, "version_major", "major version " + major + " unsupported");
        }
        int snapLength = i32(b.getInt(p + 16));
        if (snapLength < 0) {
            throw new CaptureFormatException(in.file(), 16, "snaplen", "negative snap length " + snapLength);
        }
        // The upper bits carry the FCS length; the link type is in the low 26 bits.
        linkType = i32(b.getInt(p + 20)) & 0x03ff_ffff;
        in.skip(FILE_HEADER);
    }

    @Override
    public boolean next(PacketRecord record) throws IOException {
        if (done) {
            return false;
        }
        if (!in.request(recordHeader)) {
            return end();
        }
        ByteBuffer b = in.buffer();
        int p = b.position();
        long recordOffset = in.offset();
        long seconds = i32(b.getInt(p)) & 0xffff_ffffL;
        int fraction = i32(b.getInt(p + 4));
        int captured = i32(b.getInt(p + 8));
        int original = i32(b.getInt(p + 12));
        if (captured < 0 || captured > ChannelInput.MAX_RECORD) {
            warnings.add("record at offset " + recordOffset + ": captured length " + Integer.toUnsignedString(captured)
                    + " is not plausible; reading stopped");
            done = true;
            return false;
        }
        if (!in.request(recordHeader + captured)) {
            return end();
        }
        p = in.buffer().position();
        // Like wiretap, the microsecond field is scaled to nanoseconds in 32-bit arithmetic.
        int nanosField = nanos ? fraction : fraction * 1000;
        record.set(in.buffer(), p + recordHeader, captured, original, linkType, 0, seconds, nanosField, nanos ? 9 : 6, recordOffset);
        in.skip(recordHeader + captured);
        return true;
    }

    private boolean end() {
        done = true;
        long left = in.remainingInFile();
        if (left > 0) {
            warnings.add("file cut short: record at offset " + in.offset() + " is incomplete (" + left
                    + " bytes left); the packets before it were read");
        }
        return false;
    }

    private int i32(int raw) {
        return swapped ? Integer.reverseBytes(raw) : raw;
    }

    private int u16(short raw) {
        return (swapped ? Short.reverseBytes(raw) : raw) & 0xffff;
    }

    public int linkType() { return linkType; }

    @Override
    public List<Integer> linkTypes() { return List.of(linkType); }

    @Override
    public CaptureFormat format() { return CaptureFormat.PCAP; }

    @Override
    public List<String> warnings() { return List.copyOf(warnings); }

    @Override
    public long position() { return in.offset(); }

    @Override
    public long size() { return in.size(); }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
