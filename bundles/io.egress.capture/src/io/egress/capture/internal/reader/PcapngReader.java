package io.egress.capture.internal.reader;

import io.egress.capture.pcap.CaptureFormat;
import io.egress.capture.pcap.CaptureFormatException;
import io.egress.capture.pcap.PacketRecord;
import io.egress.capture.pcap.PacketSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * pcapng: a sequence of blocks, each {@code type, total length, body, total length}. Section
 * headers set the byte order and reset the interface list; interface descriptions give each
 * interface its link type and timestamp resolution; enhanced, simple and obsolete packet blocks
 * carry packets; every other block (name resolution, statistics, custom...) is skipped.
 * Damage before the first packet makes the file unreadable; after it, reading stops with a warning.
 */
public final class PcapngReader implements PacketSource {
    /** Section Header Block type; the same in both byte orders, hence also the file magic. */
    public static final int SHB_TYPE = 0x0a0d0d0a;
    private static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
    private static final int IDB = 1;
    private static final int OBSOLETE_PB = 2;
    private static final int SPB = 3;
    private static final int EPB = 6;
    private static final int OPT_END = 0;
    private static final int IF_TSRESOL = 9;
    private static final int IF_TSOFFSET = 14;

    private final ChannelInput in;
    private final List<String> warnings = new ArrayList<>();
    private final List<PcapngInterface> interfaces = new ArrayList<>();
    private final java.util.LinkedHashSet<Integer> declaredLinkTypes = new java.util.LinkedHashSet<>();
    private boolean swapped;
    private boolean anyPacket;
    private boolean done;

    public PcapngReader(ChannelInput in) throws IOException {
        this.in = in;
        readBlockHeaderAndSection();
    }

    /** The file must start with a complete, valid section header. */
    private void readBlockHeaderAndSection() throws IOException {
        if (!in.request(28)) {
            throw new CaptureFormatException(in.file(), 0, "section_header", "file ends inside the first section header block");
        }
        int length = sectionHeader();
        in.skip(length);
    }

    @Override
    public boolean next(PacketRecord record) throws IOException {
        while (!done) {
            if (!in.request(12)) {
                return cutShort("block header");
            }
            ByteBuffer b = in.buffer();
            int p = b.position();
            int type = b.getInt(p);
            if (type == SHB_TYPE) {
                if (!in.request(28)) {
                    return cutShort("section header block");
                }
                int length = sectionHeader();
                if (length < 0) {
                    return false;
                }
                in.skip(length);
                continue;
            }
            type = i32(type);
            long length = i32(b.getInt(p + 4)) & 0xffff_ffffL;
            if (length < 12 || length % 4 != 0 || length > ChannelInput.MAX_RECORD) {
                return corrupt(in.offset() + 4, "block_total_length", "block of type " + Integer.toUnsignedString(type)
                        + " has an invalid total length " + length);
            }
            int len = (int) length;
            if (!in.request(len)) {
                return cutShort("block of type " + Integer.toUnsignedString(type));
            }
            b = in.buffer();
            p = b.position();
            if (i32(b.getInt(p + len - 4)) != len) {
                return corrupt(in.offset() + len - 4, "block_total_length", "trailer " + Integer.toUnsignedString(i32(b.getInt(p + len - 4)))
                        + " differs from header " + len);
            }
            boolean packet = switch (type) {
                case IDB -> interfaceDescription(b, p, len);
                case EPB -> enhancedPacket(b, p, len, record);
                case SPB -> simplePacket(b, p, len, record);
                case OBSOLETE_PB -> obsoletePacket(b, p, len, record);
                default -> false;
            };
            if (done) {
                return false;
            }
            in.skip(len);
            if (packet) {
                anyPacket = true;
                return true;
            }
        }
        return false;
    }

    /** Reads the SHB at the buffer position (28 bytes available); returns its length, or -1 after a warning. */
    private int sectionHeader() throws IOException {
        ByteBuffer b = in.buffer();
        int p = b.position();
        long blockOffset = in.offset();
        int magic = b.getInt(p + 8);
        if (magic == BYTE_ORDER_MAGIC) {
            swapped = false;
        } else if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
            swapped = true;
        } else {
            corrupt(blockOffset + 8, "byte_order_magic", String.format("0x%08x is not 0x1a2b3c4d in either byte order", magic));
            return -1;
        }
        long length = i32(b.getInt(p + 4)) & 0xffff_ffffL;
        if (length < 28 || length % 4 != 0 || length > ChannelInput.MAX_RECORD) {
            corrupt(blockOffset + 4, "block_total_length", "section header length " + length + " is invalid");
            return -1;
        }
        int major = u16(b.getShort(p + 12));
        if (major != 1) {
            corrupt(blockOffset + 12, "major_version", "pcapng major version " + major + " unsupported");
            return -1;
        }
        int len = (int) length;
        if (!in.request(len)) {
            if (!anyPacket) {
                throw new CaptureFormatException(in.file(), blockOffset, "block_total_length",
                        "file ends inside the section header block of " + len + " bytes");
            }
            cutShort("section header block");
            return -1;
        }
        b = in.buffer();
        p = b.position();
        if (!checkOptions(b, p, p + 24, len, "section header") ) {
            return -1;
        }
        if (i32(b.getInt(p + len - 4)) != len) {
            corrupt(blockOffset + len - 4, "block_total_length", "section header trailer differs from its header length " + len);
            return -1;
        }
        interfaces.clear();
        return len;
    }

    /** Walks an option list to check that every option fits in its block. */
    private boolean checkOptions(ByteBuffer b, int blockStart, int from, int blockLength, String block) throws IOException {
        int end = blockStart + blockLength - 4;
        int o = from;
        while (o + 4 <= end) {
            int code = u16(b.getShort(o));
            int optLength = u16(b.getShort(o + 2));
            if (code == OPT_END) {
                return true;
            }
            int padded = (optLength + 3) & ~3;
            if (o + 4 + padded > end) {
                corrupt(in.offsetOf(o + 2), "option_length", block + " option " + code + ": not enough data to handle option of length " + optLength);
                return false;
            }
            o += 4 + padded;
        }
        return true;
    }

    private boolean interfaceDescription(ByteBuffer b, int p, int len) throws IOException {
        if (len < 20) {
            corrupt(in.offsetOf(p + 4), "block_total_length", "interface description block of " + len + " bytes is too short");
            return false;
        }
        int linkType = u16(b.getShort(p + 8));
        int snapLength = i32(b.getInt(p + 12));
        if (!checkOptions(b, p, p + 16, len, "interface description")) {
            return false;
        }
        int tsresol = 6;
        long tsoffset = 0;
        int end = p + len - 4;
        for (int o = p + 16; o + 4 <= end;) {
            int code = u16(b.getShort(o));
            int optLength = u16(b.getShort(o + 2));
            if (code == OPT_END) {
                break;
            }
            if (code == IF_TSRESOL && optLength >= 1) {
                tsresol = b.get(o + 4) & 0xff;
            } else if (code == IF_TSOFFSET && optLength >= 8) {
                tsoffset = swapped ? Long.reverseBytes(b.getLong(o + 4)) : b.getLong(o + 4);
            }
            o += 4 + ((optLength + 3) & ~3);
        }
        if (!PcapngInterface.supported(tsresol)) {
            corrupt(in.offsetOf(p), "if_tsresol", "timestamp resolution 0x" + Integer.toHexString(tsresol) + " unsupported");
            return false;
        }
        interfaces.add(new PcapngInterface(linkType, snapLength, tsresol, tsoffset));
        declaredLinkTypes.add(linkType);
        return false;
    }

    private boolean enhancedPacket(ByteBuffer b, int p, int len, PacketRecord record) throws IOException {
        if (len < 32) {
            return corrupt(in.offsetOf(p + 4), "block_total_length", "enhanced packet block of " + len + " bytes is too short");
        }
        int interfaceId = i32(b.getInt(p + 8));
        PcapngInterface itf = iface(interfaceId, p + 8);
        if (itf == null) {
            return false;
        }
        long units = ((i32(b.getInt(p + 12)) & 0xffff_ffffL) << 32) | (i32(b.getInt(p + 16)) & 0xffff_ffffL);
        int captured = i32(b.getInt(p + 20));
        int original = i32(b.getInt(p + 24));
        if (captured < 0 || captured > len - 32) {
            return corrupt(in.offsetOf(p + 20), "captured_packet_length", "captured length " + Integer.toUnsignedString(captured)
                    + " exceeds the block of " + len + " bytes");
        }
        record.set(b, p + 28, captured, original, itf.linkType, interfaceId, itf.seconds(units), itf.nanos(units), itf.digits, in.offsetOf(p));
        return true;
    }

    private boolean simplePacket(ByteBuffer b, int p, int len, PacketRecord record) throws IOException {
        if (len < 16) {
            return corrupt(in.offsetOf(p + 4), "block_total_length", "simple packet block of " + len + " bytes is too short");
        }
        PcapngInterface itf = iface(0, p);
        if (itf == null) {
            return false;
        }
        int original = i32(b.getInt(p + 8));
        int captured = len - 16;
        if (original >= 0 && original < captured) {
            captured = original;
        }
        if (itf.snapLength > 0 && captured > itf.snapLength) {
            captured = itf.snapLength;
        }
        // Simple packets carry no timestamp.
        record.set(b, p + 12, captured, original, itf.linkType, 0, 0, 0, itf.digits, in.offsetOf(p));
        return true;
    }

    private boolean obsoletePacket(ByteBuffer b, int p, int len, PacketRecord record) throws IOException {
        if (len < 32) {
            return corrupt(in.offsetOf(p + 4), "block_total_length", "packet block of " + len + " bytes is too short");
        }
        int interfaceId = u16(b.getShort(p + 8));
        PcapngInterface itf = iface(interfaceId, p + 8);
        if (itf == null) {
            return false;
        }
        long units = ((i32(b.getInt(p + 12)) & 0xffff_ffffL) << 32) | (i32(b.getInt(p + 16)) & 0xffff_ffffL);
        int captured = i32(b.getInt(p + 20));
        int original = i32(b.getInt(p + 24));
        if (captured < 0 || captured > len - 32) {
            return corrupt(in.offsetOf(p + 20), "captured_len", "captured length " + Integer.toUnsignedString(captured)
                    + " exceeds the block of " + len + " bytes");
        }
        record.set(b, p + 28, captured, original, itf.linkType, interfaceId, itf.seconds(units), itf.nanos(units), itf.digits, in.offsetOf(p));
        return true;
    }

    private PcapngInterface iface(int id, int fieldIndex) throws IOException {
        if (id < 0 || id >= interfaces.size()) {
            corrupt(in.offsetOf(fieldIndex), "interface_id", "packet refers to interface " + Integer.toUnsignedString(id) + " but the section describes "
                    + interfaces.size());
            return null;
        }
        return interfaces.get(id);
    }

    /** Before any packet the file is unreadable; after, we keep what we have and stop. */
    private boolean corrupt(long offset, String field, String problem) throws CaptureFormatException {
        if (!anyPacket) {
            throw new CaptureFormatException(in.file(), offset, field, problem);
        }
        warnings.add("corrupt block at offset " + offset + ": " + field + ": " + problem + "; reading stopped");
        done = true;
        return false;
    }

    private boolean cutShort(String what) {
        done = true;
        long left = in.remainingInFile();
        if (left > 0) {
            warnings.add("file cut short: " + what + " at offset " + in.offset() + " is incomplete (" + left
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

    @Override
    public List<Integer> linkTypes() {
        List<Integer> types = new ArrayList<>(declaredLinkTypes);
        return types;
    }

    @Override
    public CaptureFormat format() { return CaptureFormat.PCAPNG; }

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
