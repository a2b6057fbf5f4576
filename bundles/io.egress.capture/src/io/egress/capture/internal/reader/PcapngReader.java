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
 * Damage before the first packet makes the file unreadable. After it, nothing already read is
 * lost and damage costs only what it covers: a block whose frame is intact (same total length at
 * both ends) but whose content is wrong is skipped; when the frame itself is broken, the reader
 * looks for the next plausible block (a known type, a valid length, the same length at its end)
 * four bytes at a time and goes on from there; a damaged section header skips to the next valid
 * one. Each skip is a warning naming the offsets, the field and the problem.
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
    /** Block types a resynchronisation may land on (pcapng specification, section 11.1). */
    private static final java.util.Set<Integer> KNOWN_TYPES = java.util.Set.of(IDB, OBSOLETE_PB, SPB, 4, 5, EPB, 9, 0xA, 0xBAD,
            0x40000BAD);
    /** Detailed warnings kept per file; the rest are counted in one summary line. */
    private static final int MAX_DETAILED_WARNINGS = 20;

    private final ChannelInput in;
    private final List<String> warnings = new ArrayList<>();
    private final List<PcapngInterface> interfaces = new ArrayList<>();
    private final java.util.LinkedHashSet<Integer> declaredLinkTypes = new java.util.LinkedHashSet<>();
    private boolean swapped;
    private boolean anyPacket;
    private boolean done;
    private int damagedBlocks;
    private int resyncs;
    private long bytesSkipped;
    private int warningsLeftOut;

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
                if (length == SKIP_TO_NEXT_SECTION) {
                    if (!framingLost(lastProblem.offset, lastProblem.field, lastProblem.problem, true)) {
                        return false;
                    }
                    continue;
                }
                if (length < 0) {
                    return false;
                }
                in.skip(length);
                continue;
            }
            type = i32(type);
            long length = i32(b.getInt(p + 4)) & 0xffff_ffffL;
            if (length < 12 || length % 4 != 0 || length > ChannelInput.MAX_RECORD) {
                if (!framingLost(in.offset() + 4, "block_total_length", "block of type " + Integer.toUnsignedString(type)
                        + " has an invalid total length " + length, false)) {
                    return false;
                }
                continue;
            }
            int len = (int) length;
            if (!in.request(len)) {
                String what = "block of type " + Integer.toUnsignedString(type);
                if (anyPacket && in.remainingInFile() >= 24) {
                    // damage when a valid block follows, else a file cut short
                    if (framingLost(in.offset() + 4, "block_total_length", what + " claims " + len
                            + " bytes, more than the rest of the file", false, cutShortWarning(what))) {
                        continue;
                    }
                    return false;
                }
                return cutShort(what);
            }
            b = in.buffer();
            p = b.position();
            if (i32(b.getInt(p + len - 4)) != len) {
                if (!framingLost(in.offset() + len - 4, "block_total_length", "trailer "
                        + Integer.toUnsignedString(i32(b.getInt(p + len - 4))) + " differs from header " + len, false)) {
                    return false;
                }
                continue;
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

    /** What was wrong with a damaged block: the offset and name of the field. */
    private record Problem(long offset, String field, String problem) {
    }

    /** {@link #sectionHeader()} found a damaged section header after some packets: skip to the next valid one. */
    private static final int SKIP_TO_NEXT_SECTION = -2;
    private Problem lastProblem;

    /**
     * Reads the SHB at the buffer position (28 bytes available); returns its length, -1 when the
     * file ends inside it, or {@link #SKIP_TO_NEXT_SECTION} when it is damaged (after some packets;
     * before any, the file is unreadable and this throws).
     */
    private int sectionHeader() throws IOException {
        ByteBuffer b = in.buffer();
        int p = b.position();
        long blockOffset = in.offset();
        int magic = b.getInt(p + 8);
        boolean wasSwapped = swapped;
        if (magic == BYTE_ORDER_MAGIC) {
            swapped = false;
        } else if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
            swapped = true;
        } else {
            return sectionDamaged(new Problem(blockOffset + 8, "byte_order_magic",
                    String.format("0x%08x is not 0x1a2b3c4d in either byte order", magic)), wasSwapped);
        }
        long length = i32(b.getInt(p + 4)) & 0xffff_ffffL;
        if (length < 28 || length % 4 != 0 || length > ChannelInput.MAX_RECORD) {
            return sectionDamaged(new Problem(blockOffset + 4, "block_total_length", "section header length " + length + " is invalid"),
                    wasSwapped);
        }
        int major = u16(b.getShort(p + 12));
        if (major != 1) {
            return sectionDamaged(new Problem(blockOffset + 12, "major_version", "pcapng major version " + major + " unsupported"),
                    wasSwapped);
        }
        int len = (int) length;
        if (!in.request(len)) {
            if (!anyPacket) {
                throw new CaptureFormatException(in.file(), blockOffset, "block_total_length",
                        "file ends inside the section header block of " + len + " bytes");
            }
            if (in.remainingInFile() >= 24) {
                return sectionDamaged(new Problem(blockOffset + 4, "block_total_length", "section header claims " + len
                        + " bytes, more than the rest of the file"), wasSwapped);
            }
            cutShort("section header block");
            return -1;
        }
        b = in.buffer();
        p = b.position();
        Problem options = checkOptions(b, p, p + 24, len, "section header");
        if (options != null) {
            return sectionDamaged(options, wasSwapped);
        }
        if (i32(b.getInt(p + len - 4)) != len) {
            return sectionDamaged(new Problem(blockOffset + len - 4, "block_total_length",
                    "section header trailer differs from its header length " + len), wasSwapped);
        }
        interfaces.clear();
        return len;
    }

    private int sectionDamaged(Problem problem, boolean previousByteOrder) throws CaptureFormatException {
        if (!anyPacket) {
            throw new CaptureFormatException(in.file(), problem.offset, problem.field, problem.problem);
        }
        swapped = previousByteOrder;
        lastProblem = problem;
        return SKIP_TO_NEXT_SECTION;
    }

    /**
     * The frame of the block at the read position is broken (or, with {@code sectionOnly}, its
     * section header is damaged): before any packet the file is unreadable; after, skip ahead to
     * the next plausible block (any known type, or only a valid section header). False when none
     * is left: reading ends with a warning.
     */
    private boolean framingLost(long fieldOffset, String field, String problem, boolean sectionOnly) throws IOException {
        return framingLost(fieldOffset, field, problem, sectionOnly, null);
    }

    /** As above; {@code ifNoneFound} is the warning when no block follows (null: the damage warning). */
    private boolean framingLost(long fieldOffset, String field, String problem, boolean sectionOnly, String ifNoneFound)
            throws IOException {
        if (!anyPacket) {
            throw new CaptureFormatException(in.file(), fieldOffset, field, problem);
        }
        long from = in.offset();
        in.skip(4);
        while (in.request(12)) {
            if (plausibleBlockHere(sectionOnly)) {
                resyncs++;
                bytesSkipped += in.offset() - from;
                warn("damaged data at offsets " + from + "-" + (in.offset() - 1) + " skipped (" + field + " at offset " + fieldOffset
                        + ": " + problem + "); reading resumed at the " + (sectionOnly ? "next section header" : "block") + " at offset "
                        + in.offset());
                return true;
            }
            in.skip(4);
        }
        if (ifNoneFound != null) {
            warnings.add(ifNoneFound);
        } else {
            bytesSkipped += size() - from;
            warn("damaged data from offset " + from + " to the end skipped (" + field + " at offset " + fieldOffset + ": " + problem
                    + "); no valid " + (sectionOnly ? "section header" : "block") + " after it");
        }
        done = true;
        return false;
    }

    /** A block of a known type starts here, its length is valid and its trailer repeats it. */
    private boolean plausibleBlockHere(boolean sectionOnly) throws IOException {
        ByteBuffer b = in.buffer();
        int p = b.position();
        int rawType = b.getInt(p);
        boolean blockSwapped = swapped;
        long minimum = 12;
        if (rawType == SHB_TYPE) {
            if (!in.request(28)) {
                return false;
            }
            b = in.buffer();
            p = b.position();
            int magic = b.getInt(p + 8);
            if (magic != BYTE_ORDER_MAGIC && magic != Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
                return false;
            }
            blockSwapped = magic != BYTE_ORDER_MAGIC;
            minimum = 28;
        } else if (sectionOnly || !KNOWN_TYPES.contains(i32(rawType))) {
            return false;
        }
        int rawLength = b.getInt(p + 4);
        long length = (blockSwapped ? Integer.reverseBytes(rawLength) : rawLength) & 0xffff_ffffL;
        if (length < minimum || length % 4 != 0 || length > ChannelInput.MAX_RECORD || length > in.remainingInFile()) {
            return false;
        }
        int rawTrailer = in.peekInt(in.offset() + length - 4);
        return (blockSwapped ? Integer.reverseBytes(rawTrailer) : rawTrailer) == (int) length;
    }

    /** Walks an option list to check that every option fits in its block; null when it does. */
    private Problem checkOptions(ByteBuffer b, int blockStart, int from, int blockLength, String block) {
        int end = blockStart + blockLength - 4;
        int o = from;
        while (o + 4 <= end) {
            int code = u16(b.getShort(o));
            int optLength = u16(b.getShort(o + 2));
            if (code == OPT_END) {
                return null;
            }
            int padded = (optLength + 3) & ~3;
            if (o + 4 + padded > end) {
                return new Problem(in.offsetOf(o + 2), "option_length", block + " option " + code
                        + ": not enough data to handle option of length " + optLength);
            }
            o += 4 + padded;
        }
        return null;
    }

    private boolean interfaceDescription(ByteBuffer b, int p, int len) throws IOException {
        if (len < 20) {
            return damagedInterface(new Problem(in.offsetOf(p + 4), "block_total_length", "interface description block of " + len
                    + " bytes is too short"));
        }
        int linkType = u16(b.getShort(p + 8));
        int snapLength = i32(b.getInt(p + 12));
        Problem options = checkOptions(b, p, p + 16, len, "interface description");
        if (options != null) {
            return damagedInterface(options);
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
            return damagedInterface(new Problem(in.offsetOf(p), "if_tsresol", "timestamp resolution 0x" + Integer.toHexString(tsresol)
                    + " unsupported"));
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

    /**
     * An interface description that cannot be used: before any packet the file is unreadable;
     * after, its place in the list is kept (later interfaces keep their ids) and its packets are
     * skipped as damaged.
     */
    private boolean damagedInterface(Problem problem) throws CaptureFormatException {
        corrupt(problem.offset, problem.field, problem.problem);
        interfaces.add(null);
        return false;
    }

    private PcapngInterface iface(int id, int fieldIndex) throws IOException {
        if (id < 0 || id >= interfaces.size()) {
            corrupt(in.offsetOf(fieldIndex), "interface_id", "packet refers to interface " + Integer.toUnsignedString(id) + " but the section describes "
                    + interfaces.size());
            return null;
        }
        PcapngInterface itf = interfaces.get(id);
        if (itf == null) {
            corrupt(in.offsetOf(fieldIndex), "interface_id", "packet on interface " + id + ", whose description was damaged");
        }
        return itf;
    }

    /**
     * A block whose frame is intact but whose content is wrong: before any packet the file is
     * unreadable; after, the block is skipped with a warning and reading goes on.
     */
    private boolean corrupt(long offset, String field, String problem) throws CaptureFormatException {
        if (!anyPacket) {
            throw new CaptureFormatException(in.file(), offset, field, problem);
        }
        damagedBlocks++;
        warn("damaged block at offset " + offset + " skipped: " + field + ": " + problem);
        return false;
    }

    private void warn(String warning) {
        if (warnings.size() < MAX_DETAILED_WARNINGS) {
            warnings.add(warning);
        } else {
            warningsLeftOut++;
        }
    }

    private boolean cutShort(String what) {
        done = true;
        if (in.remainingInFile() > 0) {
            warnings.add(cutShortWarning(what));
        }
        return false;
    }

    private String cutShortWarning(String what) {
        return "file cut short: " + what + " at offset " + in.offset() + " is incomplete (" + in.remainingInFile()
                + " bytes left); the packets before it were read";
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
    public List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (damagedBlocks + resyncs > 1 || warningsLeftOut > 0) {
            all.add("in all: " + damagedBlocks + " damaged blocks skipped, " + resyncs + " resynchronisations over " + bytesSkipped
                    + " damaged bytes" + (warningsLeftOut > 0 ? " (" + warningsLeftOut + " more warnings not listed)" : ""));
        }
        return List.copyOf(all);
    }

    @Override
    public long position() { return in.offset(); }

    @Override
    public long size() { return in.size(); }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
