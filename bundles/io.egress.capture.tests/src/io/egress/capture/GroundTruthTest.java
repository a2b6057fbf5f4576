package io.egress.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.capture.pcap.CaptureFormatException;
import io.egress.capture.pcap.Timestamp;
import io.egress.core.progress.Progress;
import io.egress.tests.support.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the shared expected.tsv (tshark/capinfos 4.0.17 ground truth) against the analyzer. */
class GroundTruthTest {
    /** The one documented difference: flows are VLAN-aware, tshark's conversations are not. */
    private static final String VLAN_FILE = "zeek-vlan-collisions.pcap";
    private static final int VLAN_AWARE_TCP_FLOWS = 3;

    static Stream<Arguments> rows() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.captures().resolve("expected.tsv"));
        String[] header = lines.get(0).split("\t");
        assertEquals("file", header[0]);
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).map(f -> Arguments.of(f[0], f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matchesTshark(String name, String[] row) throws IOException {
        Path file = SharedData.captures().resolve(name);
        if (row[1].equals("ERR")) {
            CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> CaptureAnalyzer.analyze(file, Progress.NONE));
            assertTrue(e.getMessage().startsWith(name + ": offset "), e.getMessage());
            assertEquals(file, e.file());
            return;
        }
        CaptureAnalysis a = CaptureAnalyzer.analyze(file, Progress.NONE);
        assertEquals(Long.parseLong(row[1]), a.packets(), "packets");
        ConversationCounts c = a.conversations();
        int expectedTcp = name.equals(VLAN_FILE) ? VLAN_AWARE_TCP_FLOWS : Integer.parseInt(row[2]);
        assertEquals(expectedTcp, c.tcp(), "tcp conversations");
        assertEquals(Integer.parseInt(row[3]), c.udp(), "udp conversations");
        assertEquals(Integer.parseInt(row[4]), c.ipv4(), "ipv4 conversations");
        assertEquals(Integer.parseInt(row[8]), c.ipv6(), "ipv6 conversations");
        assertEquals(row[5], a.firstTimestamp().map(Timestamp::toString).orElse("NA"), "first timestamp");
        assertEquals(row[6], a.lastTimestamp().map(Timestamp::toString).orElse("NA"), "last timestamp");
        boolean cutShort = row[9].contains("cut short");
        assertEquals(cutShort, a.warnings().stream().anyMatch(w -> w.startsWith("file cut short") && w.contains("offset ")),
                "cut-short warning: " + a.warnings());
        assertTrue(a.complete());
        assertFalse(a.linkTypes().isEmpty());
    }
}
