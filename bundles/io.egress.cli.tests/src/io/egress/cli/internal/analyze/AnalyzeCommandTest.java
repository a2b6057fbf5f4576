package io.egress.cli.internal.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.egress.tests.support.SharedData;

/** The command end to end on shared captures: output fields, exit codes, errors naming the file. */
class AnalyzeCommandTest {
    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new AnalyzeCommand().run(List.of(args), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void jsonCarriesGroundTruthOfANanosecondCapture() {
        Path file = SharedData.captures().resolve("tcpdump-tcp-handshake-nano.pcap");
        assertEquals(0, run(file.toString(), "--format", "json"));
        assertTrue(out.contains("\"format\":\"pcap\""), out);
        assertTrue(out.contains("\"packets\":3"), out);
        assertTrue(out.contains("\"firstTimestamp\":\"1418145369.924505488\""), out);
        assertTrue(out.contains("\"lastTimestamp\":\"1418145370.052115157\""), out);
        assertTrue(out.contains("\"tcp\":1"), out);
        assertTrue(out.contains("\"communityId\":\"1:"), out);
    }

    @Test
    void unreadableFileFailsWithItsNameWhileOthersAreStillReported() {
        Path bad = SharedData.captures().resolve("libpcap-pcap-invalid-version-1.pcap");
        Path good = SharedData.captures().resolve("tcpdump-dns_udp.pcap");
        assertEquals(1, run(bad.toString(), good.toString(), "--format", "json"));
        assertTrue(err.contains("libpcap-pcap-invalid-version-1.pcap"), err);
        assertTrue(out.contains("tcpdump-dns_udp.pcap") && out.contains("\"udp\":1"), out);
    }

    @Test
    void fileCutShortKeepsItsPacketsAndWarnsWithOffset() {
        Path cut = SharedData.captures().resolve("derived-wikipedia-cut-short.pcap");
        assertEquals(0, run(cut.toString(), "--format", "json"));
        assertTrue(out.contains("\"packets\":135"), out);
        assertTrue(out.contains("offset"), out);
    }

    @Test
    void csvHasOneRowPerFlow() {
        Path file = SharedData.captures().resolve("zeek-wikipedia.pcap");
        assertEquals(0, run(file.toString(), "--format", "csv"));
        List<String> lines = new ArrayList<>(out.lines().toList());
        assertEquals(1 + 34, lines.size(), "header + 34 flows");
    }

    @Test
    void detectAddsTheMerlinBeaconFinding() {
        Path file = SharedData.captures().resolve("zeek-quic-merlinc2-beacon.pcapng");
        assertEquals(0, run(file.toString(), "--format", "json", "--detect"));
        assertTrue(out.contains("\"findings\":[{"), out);
        assertTrue(out.contains("\"detector\":\"io.egress.detect.beaconing\""), out);
        assertTrue(out.contains("\"addresses\":[\"24.199.110.233\"]"), out);
    }

    @Test
    void noFileIsAUsageError() {
        org.junit.jupiter.api.Assertions.assertThrows(io.egress.cli.internal.UsageException.class, () -> run("--format", "json"));
    }
}
