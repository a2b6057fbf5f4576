package io.egress.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.capture.internal.live.CaptureAccessCheck;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The least-privilege path: dumpcap captures, we read its pcapng stream. */
class DumpcapCaptureTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @Test
    void capturesLoopbackThroughDumpcapAndReadsItsDropCounters() throws Exception {
        assumeTrue(CaptureAccessCheck.dumpcap().isPresent(), "dumpcap not installed");
        List<NewFlow> seen = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 50, LO)) {
            CaptureRequest request = CaptureRequest.of(List.of("lo")).withFilter("tcp port " + server.getLocalPort())
                    .withMethod(CaptureMethod.DUMPCAP);
            LiveCapture capture;
            try {
                capture = new LiveCaptures().start(request, seen::add);
            } catch (LiveCaptureException e) {
                assumeTrue(false, "dumpcap may not capture here: " + e.getMessage());
                return;
            }
            try (capture) {
                try (Socket c = new Socket(LO, server.getLocalPort()); Socket accepted = server.accept()) {
                    c.getOutputStream().write(7);
                    accepted.getInputStream().read();
                }
                LoopbackCaptureTest.waitFor(() -> seen.size() == 1);
                capture.stop();
                assertTrue(capture.awaitStopped(Duration.ofSeconds(10)));
                InterfaceStatus lo = capture.statistics().interfaces().get(0);
                assertEquals(CaptureMethod.DUMPCAP, lo.method());
                assertEquals(InterfaceState.STOPPED, lo.state(), lo.describe());
                assertEquals(0, lo.kernelDropped(), "dumpcap's statistics block read at the end: " + lo.describe());
                assertEquals(1, capture.flows().size());
            }
        }
    }
}
