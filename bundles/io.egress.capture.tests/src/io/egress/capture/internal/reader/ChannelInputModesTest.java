package io.egress.capture.internal.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.capture.pcap.CaptureFiles;
import io.egress.capture.pcap.CaptureFormatException;
import io.egress.capture.pcap.PacketRecord;
import io.egress.capture.pcap.PcapWriter;
import io.egress.capture.pcap.PcapngWriter;
import io.egress.capture.pcap.PacketSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three read modes give the same records, including records that cross chunk boundaries and
 * records larger than the read-ahead head room (tiny chunks force both).
 */
class ChannelInputModesTest {
    @TempDir
    Path dir;

    private static List<byte[]> packets() {
        Random random = new Random(7);
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] p = new byte[random.nextInt(10) == 0 ? 3000 + random.nextInt(3000) : 1 + random.nextInt(300)];
            random.nextBytes(p);
            list.add(p);
        }
        return list;
    }

    private ChannelInput open(Path file, ChannelInput.ReadMode mode) throws IOException {
        return new ChannelInput(file, FileChannel.open(file, StandardOpenOption.READ), mode, 1024, 512, 256);
    }

    private static void assertReads(PacketSource source, List<byte[]> expected) throws IOException {
        PacketRecord r = new PacketRecord();
        int i = 0;
        while (source.next(r)) {
            assertArrayEquals(expected.get(i), r.copyData(), "packet " + i);
            assertEquals(1_000L + i, r.seconds());
            i++;
        }
        assertEquals(expected.size(), i);
        assertTrue(source.warnings().isEmpty(), String.valueOf(source.warnings()));
        assertEquals(source.size(), source.position());
    }

    @Test
    void aRejectedLargeFileStopsItsReadAheadThread() throws Exception {
        Path file = dir.resolve("large-not-a-capture.bin");
        Files.write(file, new byte[(int) ChannelInput.LARGE_FILE + 4096]);
        assertThrows(CaptureFormatException.class, () -> CaptureFiles.open(file));
        for (int i = 0; i < 100 && readAheadThreads() > 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(0, readAheadThreads());
    }

    private static long readAheadThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("egress-capture-read-ahead")).count();
    }

    @ParameterizedTest
    @EnumSource(ChannelInput.ReadMode.class)
    void pcap(ChannelInput.ReadMode mode) throws IOException {
        List<byte[]> packets = packets();
        Path file = dir.resolve("modes.pcap");
        try (PcapWriter w = new PcapWriter(Files.newOutputStream(file), 1)) {
            for (int i = 0; i < packets.size(); i++) {
                w.write((1_000L + i) * 1_000_000_000L, packets.get(i));
            }
        }
        try (PacketSource source = new PcapReader(open(file, mode))) {
            assertReads(source, packets);
        }
    }

    @ParameterizedTest
    @EnumSource(ChannelInput.ReadMode.class)
    void pcapng(ChannelInput.ReadMode mode) throws IOException {
        List<byte[]> packets = packets();
        Path file = dir.resolve("modes.pcapng");
        try (PcapngWriter w = new PcapngWriter(new BufferedOutputStream(Files.newOutputStream(file)), ByteOrder.BIG_ENDIAN)) {
            int itf = w.addInterface(1, 0, true);
            for (int i = 0; i < packets.size(); i++) {
                w.write(itf, (1_000L + i) * 1_000_000_000L, packets.get(i));
            }
        }
        try (PacketSource source = new PcapngReader(open(file, mode))) {
            assertReads(source, packets);
        }
    }
}
