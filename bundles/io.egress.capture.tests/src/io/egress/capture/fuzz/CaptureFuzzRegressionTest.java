package io.egress.capture.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.egress.capture.FlowEngine;
import io.egress.capture.FlowList;
import io.egress.capture.pcap.CaptureFiles;
import io.egress.capture.pcap.CaptureFormatException;
import io.egress.capture.pcap.PacketRecord;
import io.egress.capture.pcap.PacketSource;

/**
 * The fuzz targets pcap, pcapng and decoder (releng/fuzz/fuzz): the hostile inputs their mutators
 * aim at (length fields set to 0, -1 and huge, snap lengths, block types swapped, files cut short),
 * built here by code. Each must be refused with a {@link CaptureFormatException} naming offset and
 * field, or read with a warning that keeps the packets before it, in bounded time.
 * No input of these targets crashed or hung in the fuzz runs recorded in the README.
 */
class CaptureFuzzRegressionTest {
    private static final Duration BOUND = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    // ---- pcap ----

    private static ByteBuffer pcapHeader(int snapLength) {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(snapLength).putInt(1);
        return b.flip();
    }

    private static byte[] pcapRecord(int captured, int original, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(16 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(1_700_000_000).putInt(0).putInt(captured).putInt(original).put(data);
        return b.array();
    }

    private static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof ByteBuffer bb ? java.util.Arrays.copyOfRange(bb.array(), 0, bb.limit()) : (byte[]) p);
        }
        return out.toByteArray();
    }

    private record Read(int packets, List<String> warnings) {
    }

    private Read read(byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("input"), content);
        return assertTimeoutPreemptively(BOUND, () -> {
            try (PacketSource source = CaptureFiles.open(file)) {
                PacketRecord r = new PacketRecord();
                int n = 0;
                while (source.next(r)) {
                    n++;
                }
                return new Read(n, source.warnings());
            }
        });
    }

    private CaptureFormatException refused(byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("input"), content);
        return assertThrows(CaptureFormatException.class, () -> read(Files.readAllBytes(file)));
    }

    @Test
    void pcapSnapLengthMinusOneIsRefusedWithOffsetAndField() throws IOException {
        CaptureFormatException e = refused(concat(pcapHeader(-1)));
        assertEquals(16, e.offset());
        assertEquals("snaplen", e.field());
        assertTrue(e.getMessage().startsWith("input: offset 16: snaplen: "), e.getMessage());
    }

    @Test
    void pcapSnapLengthZeroAndHugeReadTheRecords() throws IOException {
        for (int snap : new int[] {0, Integer.MAX_VALUE}) {
            Read r = read(concat(pcapHeader(snap), pcapRecord(4, 4, new byte[4]), pcapRecord(4, 60, new byte[4])));
            assertEquals(2, r.packets(), "snap length " + snap);
        }
    }

    @Test
    void pcapCapturedLengthMinusOneStopsAfterThePacketsBefore() throws IOException {
        Read r = read(concat(pcapHeader(65535), pcapRecord(4, 4, new byte[4]), pcapRecord(-1, 4, new byte[8])));
        assertEquals(1, r.packets());
        assertTrue(r.warnings().getFirst().contains("record at offset 44: captured length 4294967295 is not plausible"), r.warnings().toString());
    }

    @Test
    void pcapHugeCapturedLengthInAShortFileAllocatesNothingLarge() throws IOException {
        // 64 MiB, the largest plausible record, in a file of 64 bytes: the reader must not buffer it
        Read r = read(concat(pcapHeader(65535), pcapRecord(4, 4, new byte[4]), pcapRecord(64 << 20, 64 << 20, new byte[4])));
        assertEquals(1, r.packets());
        assertTrue(r.warnings().getFirst().startsWith("file cut short: record at offset 44 is incomplete"), r.warnings().toString());
    }

    @Test
    void pcapZeroLengthRecordsAndTruncationAtEveryOffset() throws IOException {
        byte[] whole = concat(pcapHeader(65535), pcapRecord(0, 0, new byte[0]), pcapRecord(6, 6, new byte[6]));
        for (int cut = 0; cut <= whole.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            if (cut < 24) {
                refused(part);
            } else {
                Read r = read(part);
                assertTrue(r.packets() <= 2);
                assertEquals(cut >= 24 + 16 + 22 ? 2 : cut >= 40 ? 1 : 0, r.packets(), "cut at " + cut);
            }
        }
    }

    // ---- pcapng ----

    private static final int SHB = 0x0a0d0d0a;
    private static final int IDB = 1;
    private static final int EPB = 6;

    private static byte[] block(int type, int length, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putInt(length).put(body).putInt(length);
        return b.array();
    }

    private static byte[] shb() {
        ByteBuffer body = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        body.putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0).putLong(-1);
        return block(SHB, 28, body.array());
    }

    private static byte[] idb(int snapLength) {
        ByteBuffer body = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        body.putShort((short) 1).putShort((short) 0).putInt(snapLength);
        return block(IDB, 20, body.array());
    }

    private static byte[] epb(int interfaceId, int captured, int dataBytes) {
        int padded = (dataBytes + 3) & ~3;
        ByteBuffer body = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
        body.putInt(interfaceId).putInt(0).putInt(1000).putInt(captured).putInt(captured);
        return block(EPB, 32 + padded, body.array());
    }

    private static byte[] withLength(byte[] block, int length) {
        byte[] out = block.clone();
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(4, length);
        return out;
    }

    @Test
    void pcapngSectionHeaderLengthsZeroMinusOneAndHugeAreRefused() throws IOException {
        for (int length : new int[] {0, -1, 0x7ffffffc, 12}) {
            CaptureFormatException e = refused(concat(withLength(shb(), length), idb(65535)));
            assertEquals(4, e.offset(), "length " + length);
            assertEquals("block_total_length", e.field());
        }
    }

    @Test
    void pcapngBlockLengthsZeroMinusOneAndHugeAfterAPacketCostOnlyThatBlock() throws IOException {
        byte[] good = epb(0, 4, 4);
        for (int length : new int[] {0, -1, 0x7ffffffc, 64 << 20}) {
            // shb 28 + idb 20 + good 36: the damaged block is at 84, the next good one at 120
            Read r = read(concat(shb(), idb(65535), good, withLength(epb(0, 4, 4), length), good));
            assertEquals(2, r.packets(), "length " + length);
            assertTrue(r.warnings().getFirst().startsWith("damaged data at offsets 84-119 skipped (block_total_length at offset 88: "),
                    r.warnings().toString());
            assertTrue(r.warnings().getFirst().endsWith("reading resumed at the block at offset 120"), r.warnings().toString());
        }
    }

    @Test
    void pcapngDamagedContentInAnIntactBlockSkipsOnlyThatPacket() throws IOException {
        byte[] good = epb(0, 4, 4);
        Read r = read(concat(shb(), idb(65535), good, epb(0, 5, 4), epb(3, 4, 4), good));
        assertEquals(2, r.packets());
        assertEquals(List.of("damaged block at offset 104 skipped: captured_packet_length: captured length 5 exceeds the block of 36 bytes",
                "damaged block at offset 128 skipped: interface_id: packet refers to interface 3 but the section describes 1",
                "in all: 2 damaged blocks skipped, 0 resynchronisations over 0 damaged bytes"), r.warnings());
    }

    @Test
    void pcapngDamagedSectionHeaderSkipsItsSectionAndReadsTheNext() throws IOException {
        byte[] good = epb(0, 4, 4);
        byte[] badShb = shb();
        badShb[8] = 0x77; // byte-order magic
        // section 1 at 0 (28 + 20 + 36 = 84), damaged section 2 at 84 (28 + 20 + 36), section 3 at 168
        Read r = read(concat(shb(), idb(65535), good, badShb, idb(65535), good, shb(), idb(65535), good));
        assertEquals(2, r.packets());
        assertTrue(r.warnings().getFirst().startsWith("damaged data at offsets 84-167 skipped (byte_order_magic at offset 92: "),
                r.warnings().toString());
        assertTrue(r.warnings().getFirst().endsWith("reading resumed at the next section header at offset 168"), r.warnings().toString());
    }

    @Test
    void pcapngAMebibyteOfLookAlikeBlocksIsCrossedInBoundedTime() throws IOException {
        // every 4 bytes could start an EPB of 64 bytes, but no trailer matches: each candidate is checked once
        ByteBuffer junk = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        while (junk.hasRemaining()) {
            junk.putInt(EPB).putInt(64).putInt(0).putInt(0); // the trailer word of each candidate is a 0
        }
        byte[] good = epb(0, 4, 4);
        Read r = read(concat(shb(), idb(65535), good, withLength(epb(0, 4, 4), 13), junk.array(), good));
        assertEquals(2, r.packets());
        assertTrue(r.warnings().getFirst().contains("reading resumed at the block at offset " + (84 + 36 + (1 << 20))), r.warnings().toString());
    }

    @Test
    void pcapngPacketBeforeItsInterfaceIsRefusedWithTheField() throws IOException {
        // block types swapped: the packet comes before the interface it refers to
        CaptureFormatException e = refused(concat(shb(), epb(0, 4, 4), idb(65535)));
        assertEquals("interface_id", e.field());
        assertEquals(28 + 8, e.offset());
    }

    @Test
    void pcapngCapturedLengthBeyondItsBlockIsRefusedWithTheField() throws IOException {
        for (int captured : new int[] {-1, 5, 0x7fffffff}) {
            CaptureFormatException e = refused(concat(shb(), idb(65535), epb(0, captured, 4)));
            assertEquals("captured_packet_length", e.field(), "captured " + captured);
            assertEquals(28 + 20 + 20, e.offset());
        }
    }

    @Test
    void pcapngTruncationAtEveryOffsetKeepsWhatWasRead() throws IOException {
        byte[] whole = concat(shb(), idb(0), epb(0, 4, 4), epb(0, 0, 0), epb(0, 7, 7));
        for (int cut = 0; cut <= whole.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            if (cut < 28) {
                refused(part);
            } else {
                assertTrue(read(part).packets() <= 3, "cut at " + cut);
            }
        }
        assertEquals(3, read(whole).packets());
    }

    // ---- decoder ----

    private static List<FlowList> decode(int linkType, byte[]... frames) {
        return assertTimeoutPreemptively(BOUND, () -> {
            FlowEngine engine = new FlowEngine(16);
            long time = 1_700_000_000_000_000_000L;
            for (byte[] f : frames) {
                engine.frame(linkType, time += 1_000_000, f, f.length, f.length + 1000);
            }
            FlowList flows = engine.snapshot();
            for (int i = 0; i < flows.size(); i++) {
                flows.get(i).toString();
            }
            flows.conversations();
            engine.warnings();
            return List.of(flows);
        });
    }

    private static byte[] ipv4(int ihlWords, int totalLength, int protocol, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(20, ihlWords * 4) + payload.length);
        b.put((byte) (0x40 | ihlWords)).put((byte) 0).putShort((short) totalLength).putInt(0).put((byte) 64).put((byte) protocol)
                .putShort((short) 0).put(new byte[] {10, 0, 0, 1}).put(new byte[] {93, (byte) 184, (byte) 216, 34});
        b.position(Math.max(20, ihlWords * 4));
        b.put(payload);
        return b.array();
    }

    @Test
    void decoderLengthFieldsZeroMinusOneAndHugeAreIgnoredWithoutCrash() {
        byte[] tcp = ByteBuffer.allocate(20).putShort((short) 40000).putShort((short) 443).putInt(1).putInt(0)
                .put((byte) 0x00).put((byte) 0x02).putShort((short) 65535).putInt(0).array(); // data offset 0
        List<byte[]> frames = new ArrayList<>();
        for (int ihl : new int[] {0, 4, 5, 15}) {
            for (int total : new int[] {0, 0xffff, 19, 21}) {
                frames.add(ipv4(ihl, total, 6, tcp));
                frames.add(ipv4(ihl, total, 17, new byte[] {0, 53, 0, 53, (byte) 0xff, (byte) 0xff, 0, 0}));
            }
        }
        FlowList flows = decode(101, frames.toArray(byte[][]::new)).getFirst();
        assertTrue(flows.size() <= frames.size());
    }

    @Test
    void decoderDeepVlanStacksAndIpv6ExtensionChainsStayBounded() {
        ByteArrayOutputStream vlans = new ByteArrayOutputStream();
        vlans.writeBytes(new byte[12]);
        for (int i = 0; i < 4000; i++) {
            vlans.writeBytes(new byte[] {(byte) 0x81, 0, 0, 1}); // 802.1Q tag after tag
        }
        ByteBuffer v6 = ByteBuffer.allocate(40 + 8 * 500);
        v6.putInt(0x60000000).putShort((short) (8 * 500)).put((byte) 0).put((byte) 64).put(new byte[32]);
        for (int i = 0; i < 500; i++) {
            v6.put((byte) 0).put((byte) 0).put(new byte[6]); // hop-by-hop header after hop-by-hop header
        }
        decode(1, vlans.toByteArray());
        decode(229, v6.array());
        decode(101, new byte[0], new byte[] {0x45}, new byte[] {0x60});
    }
}
