package io.egress.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.capture.pcap.CaptureFiles;
import io.egress.capture.pcap.PacketRecord;
import io.egress.capture.pcap.PacketSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packets written with a comment per flow read back by our reader and by tshark. */
class PacketCommentRoundTripTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @Test
    void exportCarriesOneCommentPerPacketThatWiresharkReads(@TempDir Path dir) throws Exception {
        CaptureRights.assumeDirectCapture();
        Path spool = dir.resolve("spool.pcapng");
        Path out = dir.resolve("commented.pcapng");
        int packets;
        try (ServerSocket server = new ServerSocket(0, 50, LO)) {
            CaptureRequest request = CaptureRequest.of(List.of("lo")).withFilter("tcp port " + server.getLocalPort()).withSpool(spool);
            try (LiveCapture capture = new LiveCaptures().start(request, f -> { })) {
                try (Socket c = new Socket(LO, server.getLocalPort()); Socket accepted = server.accept()) {
                    c.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                    accepted.getInputStream().readNBytes(5);
                }
                LoopbackCaptureTest.waitFor(() -> capture.statistics().packets() >= 6);
                capture.stop();
                assertTrue(capture.awaitStopped(Duration.ofSeconds(5)));
                capture.exportPcapng(out, key -> "pid=4242 name=test flow=" + key.portA() + "-" + key.portB());
                packets = (int) capture.statistics().packets();
            }
            assertTrue(Files.notExists(spool), "spool removed on close");
        }
        try (PacketSource in = CaptureFiles.open(out)) {
            PacketRecord r = new PacketRecord();
            int read = 0;
            while (in.next(r)) {
                read++;
            }
            assertEquals(packets, read);
            assertEquals(List.of(), in.warnings());
        }
        List<String> comments = tshark(out, "frame.comment");
        assumeTrue(comments != null, "tshark not installed: comments checked by our reader only");
        assertEquals(packets, comments.size());
        assertTrue(comments.stream().allMatch(c -> c.startsWith("pid=4242 name=test flow=")), comments.toString());
        assertEquals(List.of("lo"), tshark(out, "frame.interface_name").stream().distinct().toList());
    }

    /** One line per packet, or null when tshark is missing. */
    private static List<String> tshark(Path file, String field) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("tshark", "-r", file.toString(), "-T", "fields", "-e", field).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return null;
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "tshark failed on " + file);
        return text.lines().toList();
    }
}
