package io.egress.capture.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.capture.CaptureAnalysis;
import io.egress.capture.CaptureAnalyzer;
import io.egress.core.progress.Progress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files written by our writers read back identically, in both formats, precisions and byte orders. */
class ReaderWriterRoundTripTest {
    private static final long T = 1_418_145_369_924_505_488L;

    @TempDir
    Path dir;

    private static byte[] packet(int i) {
        byte[] p = new byte[60 + i * 7];
        for (int j = 0; j < p.length; j++) {
            p[j] = (byte) (i * 31 + j);
        }
        return p;
    }

    private static List<byte[]> readAll(PacketSource source, List<long[]> meta) throws IOException {
        List<byte[]> out = new ArrayList<>();
        PacketRecord r = new PacketRecord();
        while (source.next(r)) {
            out.add(r.copyData());
            meta.add(new long[] {r.seconds(), r.nanos(), r.digits(), r.originalLength(), r.linkType(), r.interfaceId()});
        }
        return out;
    }

    @ParameterizedTest(name = "nanos={0} bigEndian={1}")
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void pcap(boolean nanos, boolean bigEndian) throws IOException {
        Path file = dir.resolve("x.pcap");
        try (PcapWriter w = new PcapWriter(Files.newOutputStream(file), 1, nanos, 100, bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)) {
            for (int i = 0; i < 5; i++) {
                byte[] p = packet(i);
                w.write(T + i, p, 0, p.length, p.length + 3);
            }
        }
        List<long[]> meta = new ArrayList<>();
        try (PacketSource s = CaptureFiles.open(file)) {
            assertEquals(CaptureFormat.PCAP, s.format());
            List<byte[]> read = readAll(s, meta);
            assertEquals(5, read.size());
            for (int i = 0; i < 5; i++) {
                byte[] p = packet(i);
                assertArrayEquals(Arrays.copyOf(p, Math.min(100, p.length)), read.get(i), "snap length 100 applies");
                long[] m = meta.get(i);
                assertEquals(1_418_145_369L, m[0]);
                assertEquals(nanos ? 924_505_488 + i : 924_505_000, m[1]);
                assertEquals(nanos ? 9 : 6, m[2]);
                assertEquals(p.length + 3, m[3]);
                assertEquals(1, m[4]);
            }
            assertTrue(s.warnings().isEmpty());
        }
    }

    @ParameterizedTest(name = "bigEndian={0}")
    @CsvSource({"false", "true"})
    void pcapngWithMicroAndNanoInterfaces(boolean bigEndian) throws IOException {
        Path file = dir.resolve("x.pcapng");
        try (PcapngWriter w = new PcapngWriter(new BufferedOutputStream(Files.newOutputStream(file)),
                bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)) {
            int micro = w.addInterface(1, 65535, false);
            int nano = w.addInterface(113, 65535, true);
            for (int i = 0; i < 6; i++) {
                w.write(i % 2 == 0 ? micro : nano, T + i, packet(i));
            }
        }
        List<long[]> meta = new ArrayList<>();
        try (PacketSource s = CaptureFiles.open(file)) {
            assertEquals(CaptureFormat.PCAPNG, s.format());
            List<byte[]> read = readAll(s, meta);
            assertEquals(6, read.size());
            for (int i = 0; i < 6; i++) {
                assertArrayEquals(packet(i), read.get(i));
                long[] m = meta.get(i);
                boolean ns = i % 2 == 1;
                assertEquals(1_418_145_369L, m[0]);
                assertEquals(ns ? 924_505_488 + i : 924_505_000, m[1]);
                assertEquals(ns ? 9 : 6, m[2]);
                assertEquals(ns ? 113 : 1, m[4]);
                assertEquals(ns ? 1 : 0, m[5]);
            }
            assertEquals(List.of(1, 113), s.linkTypes());
        }
    }

    @Test
    void pcapCutMidRecordKeepsEarlierPacketsAndWarnsWithTheOffset() throws IOException {
        Path file = dir.resolve("cut.pcap");
        try (PcapWriter w = new PcapWriter(Files.newOutputStream(file), 1)) {
            for (int i = 0; i < 3; i++) {
                w.write(T, packet(i));
            }
        }
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length - 10));
        CaptureAnalysis a = CaptureAnalyzer.analyze(file, Progress.NONE);
        assertEquals(2, a.packets());
        long thirdRecord = 24 + 2 * 16 + packet(0).length + packet(1).length;
        assertEquals(1, a.warnings().size());
        assertTrue(a.warnings().get(0).contains("offset " + thirdRecord), a.warnings().get(0));
    }

    /** Hand-assembled blocks the writer does not produce: SPB, obsolete PB, NRB, custom, a second section in the other byte order. */
    @Test
    void pcapngOtherBlocksAndSections() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        shb(b);
        block(b, 1, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 101).putShort((short) 0).putInt(0).array());
        block(b, 4, new byte[] {0, 0, 0, 0}); // name resolution: only the end record
        block(b, 0x00000bad, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}); // custom block
        block(b, 3, ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(8).put(new byte[] {0x45, 0, 0, 8, 1, 2, 3, 4}).array());
        ByteBuffer pb = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        pb.putShort((short) 0).putShort((short) 0).putInt(0).putInt(2_000_000).putInt(4).putInt(4).put(new byte[] {9, 9, 9, 9});
        block(b, 2, pb.array());
        // second section, big-endian, its own interface
        ByteBuffer be = b.slice().order(ByteOrder.BIG_ENDIAN);
        shb(be);
        block(be, 1, ByteBuffer.allocate(8).putShort((short) 1).putShort((short) 0).putInt(0).array());
        ByteBuffer epb = ByteBuffer.allocate(24).putInt(0).putInt(0).putInt(3_000_000).putInt(4).putInt(4).put(new byte[] {7, 7, 7, 7});
        block(be, 6, epb.array());
        Path file = dir.resolve("blocks.pcapng");
        Files.write(file, Arrays.copyOf(b.array(), b.position() + be.position()));
        List<long[]> meta = new ArrayList<>();
        try (PacketSource s = CaptureFiles.open(file)) {
            List<byte[]> read = readAll(s, meta);
            assertEquals(3, read.size(), () -> String.valueOf(s.warnings()));
            assertArrayEquals(new byte[] {0x45, 0, 0, 8, 1, 2, 3, 4}, read.get(0));
            assertEquals(101, meta.get(0)[4]);
            assertArrayEquals(new byte[] {9, 9, 9, 9}, read.get(1));
            assertEquals(2, meta.get(1)[0], "2,000,000 microseconds");
            assertArrayEquals(new byte[] {7, 7, 7, 7}, read.get(2));
            assertEquals(1, meta.get(2)[4]);
            assertEquals(3, meta.get(2)[0]);
            assertTrue(s.warnings().isEmpty(), String.valueOf(s.warnings()));
        }
    }

    private static void shb(ByteBuffer b) {
        b.putInt(0x0a0d0d0a).putInt(28).putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0).putLong(-1).putInt(28);
    }

    private static void block(ByteBuffer b, int type, byte[] body) {
        int len = 12 + ((body.length + 3) & ~3);
        b.putInt(type).putInt(len).put(body).put(new byte[len - 12 - body.length]).putInt(len);
    }

    @Test
    void unreadableFilesNameFileOffsetAndField() throws IOException {
        Path notCapture = dir.resolve("notes.pcap");
        Files.writeString(notCapture, "hello, this is text");
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> CaptureFiles.open(notCapture));
        assertEquals("notes.pcap: offset 0: magic: 0x68656c6c is neither a pcap nor a pcapng magic number", e.getMessage());
        assertEquals(0, e.offset());
        assertEquals("magic", e.field());

        Path badLength = dir.resolve("bad.pcapng");
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        shb(b);
        b.putInt(1).putInt(13).putInt(0);
        Files.write(badLength, Arrays.copyOf(b.array(), b.position()));
        e = assertThrows(CaptureFormatException.class, () -> CaptureAnalyzer.analyze(badLength, Progress.NONE));
        assertEquals(32, e.offset());
        assertEquals("block_total_length", e.field());
    }

    @Test
    void kuznetzovPcapRecordsHaveEightMoreHeaderBytes() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0xa1b2cd34).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (int i = 0; i < 2; i++) {
            b.putInt(100 + i).putInt(5).putInt(3).putInt(3).putInt(7).putShort((short) 0x0800).put((byte) 0).put((byte) 0);
            b.put(new byte[] {(byte) i, 2, 3});
        }
        Path file = dir.resolve("kuznetzov.pcap");
        Files.write(file, Arrays.copyOf(b.array(), b.position()));
        List<long[]> meta = new ArrayList<>();
        try (PacketSource s = CaptureFiles.open(file)) {
            List<byte[]> read = readAll(s, meta);
            assertEquals(2, read.size());
            assertArrayEquals(new byte[] {1, 2, 3}, read.get(1));
            assertEquals(101, meta.get(1)[0]);
            assertEquals(5000, meta.get(1)[1]);
        }
    }

    @Test
    void bogusRecordLengthsAreNeverAllocated() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        b.putInt(1).putInt(0).putInt(60 << 20).putInt(60 << 20).put(new byte[8]);
        Path file = dir.resolve("bogus.pcap");
        Files.write(file, Arrays.copyOf(b.array(), b.position()));
        CaptureAnalysis a = CaptureAnalyzer.analyze(file, Progress.NONE);
        assertEquals(0, a.packets());
        assertTrue(a.warnings().get(0).contains("offset 24"), a.warnings().get(0));

        b.putInt(24 + 8, -5); // captured length 0xfffffffb
        Files.write(file, Arrays.copyOf(b.array(), b.position()));
        a = CaptureAnalyzer.analyze(file, Progress.NONE);
        assertEquals(0, a.packets());
        assertTrue(a.warnings().get(0).contains("captured length 4294967291"), a.warnings().get(0));
    }

    @Test
    void emptyPcapIsNotAnError() throws IOException {
        Path file = dir.resolve("empty.pcap");
        new PcapWriter(Files.newOutputStream(file), 1).close();
        CaptureAnalysis a = CaptureAnalyzer.analyze(file, Progress.NONE);
        assertEquals(0, a.packets());
        assertFalse(a.firstTimestamp().isPresent());
        assertEquals(List.of(1), a.linkTypes());
        assertTrue(a.warnings().isEmpty());
    }

    @Test
    void timestampsPrintLikeCapinfos() {
        assertEquals("1418145369.924505488", new Timestamp(1418145369L, 924505488, 9).toString());
        assertEquals("1418145369.000005", new Timestamp(1418145369L, 5000, 6).toString());
        assertEquals("1418145370.-2147483648", new Timestamp(1418145370L, Integer.MIN_VALUE, 9).toString());
        assertEquals("2147483648.000000", new Timestamp(2147483648L, 0, 6).toString());
    }
}
