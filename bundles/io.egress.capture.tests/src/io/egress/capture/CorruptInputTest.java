package io.egress.capture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.capture.pcap.CaptureFormatException;
import io.egress.core.progress.Progress;
import io.egress.tests.support.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shared captures with random bytes overwritten or cut anywhere: the analyzer either reads them
 * (possibly with warnings) or throws {@link CaptureFormatException}; never another exception, and
 * never a huge allocation from a bogus length.
 */
class CorruptInputTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"zeek-wikipedia.pcap", "zeek-pcapng-multi-interface.pcapng", "zeek-ldap-gap-data-missing.pcapng",
            "zeek-quic-chromium-google-de-fragmented.pcap", "zeek-vlan-collisions.pcap", "zeek-ipv6-fragmented-dns.pcap",
            "zeek-icmp-destunreach-udp.pcap", "tcpdump-quic_handshake.pcap"})
    void mutatedFilesFailCleanly(String name) throws IOException {
        byte[] original = Files.readAllBytes(SharedData.captures().resolve(name));
        Random random = new Random(name.hashCode());
        Path file = dir.resolve("mutated");
        for (int round = 0; round < 150; round++) {
            byte[] bytes = original.clone();
            int flips = 1 + random.nextInt(8);
            for (int i = 0; i < flips; i++) {
                // Mostly headers: the first bytes of the file and random spots.
                int at = random.nextBoolean() ? random.nextInt(Math.min(bytes.length, 200)) : random.nextInt(bytes.length);
                bytes[at] = (byte) random.nextInt(256);
            }
            int length = random.nextInt(4) == 0 ? random.nextInt(bytes.length + 1) : bytes.length;
            Files.write(file, java.util.Arrays.copyOf(bytes, length));
            try {
                CaptureAnalysis a = CaptureAnalyzer.analyze(file, Progress.NONE);
                a.flows().forEach(f -> assertTrue(f.packets() > 0));
            } catch (CaptureFormatException expected) {
                assertTrue(expected.getMessage().startsWith("mutated: offset "), expected.getMessage());
            }
        }
    }
}
