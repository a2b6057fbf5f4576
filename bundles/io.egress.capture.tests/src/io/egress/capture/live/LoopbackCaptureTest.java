package io.egress.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.capture.FlowList;
import io.egress.core.flow.Flow;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Captures the loopback connections the test itself opens (loopback only). */
class LoopbackCaptureTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @Test
    void reportsEachNewFlowOnceWithItsInitiatorAndStopsAnIdleCaptureQuickly() throws Exception {
        CaptureRights.assumeDirectCapture();
        List<NewFlow> seen = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 50, LO)) {
            CaptureRequest request = CaptureRequest.of(List.of("lo")).withFilter("tcp port " + server.getLocalPort());
            Set<Integer> clientPorts = new HashSet<>();
            try (LiveCapture capture = new LiveCaptures().start(request, seen::add)) {
                assertEquals(CaptureMethod.DIRECT, capture.method());
                for (int i = 0; i < 5; i++) {
                    try (Socket c = new Socket(LO, server.getLocalPort()); Socket accepted = server.accept()) {
                        clientPorts.add(c.getLocalPort());
                        c.getOutputStream().write(new byte[] {1, 2, 3});
                        accepted.getInputStream().readNBytes(3);
                    }
                }
                waitFor(() -> seen.size() >= 5 && capture.flows().stream().allMatch(f -> f.packets() >= 6));
                // lo is idle now (the filter passes nothing else): breakloop must still end the loop
                long start = System.nanoTime();
                capture.stop();
                assertTrue(capture.awaitStopped(Duration.ofSeconds(5)), "capture did not stop");
                assertTrue(System.nanoTime() - start < 2_000_000_000L, "stopping took " + (System.nanoTime() - start) / 1_000_000 + " ms");
                CaptureStatistics stats = capture.statistics();
                InterfaceStatus lo = stats.interfaces().get(0);
                assertEquals(InterfaceState.STOPPED, lo.state(), lo.describe());
                assertEquals(1, lo.linkType());
                assertTrue(lo.kernelReceived() >= lo.packets(), lo.describe());
                assertEquals(0, stats.dropped());
                FlowList flows = capture.flows();
                assertEquals(5, flows.size());
                for (NewFlow f : seen) {
                    assertEquals(6, f.protocol());
                    assertTrue(clientPorts.contains(f.sourcePort()), "first packet's sender is the client: " + f);
                    assertEquals(server.getLocalPort(), f.destinationPort());
                    Flow flow = flows.get(f.flowIndex());
                    assertEquals(f.key(), flow.key());
                    assertEquals(f.sourcePort(), flow.initiatorPort());
                }
                assertEquals(5, seen.stream().map(NewFlow::key).distinct().count());
                assertThrows(IllegalStateException.class, () -> capture.exportPcapng(java.nio.file.Path.of("unused"), k -> ""));
            }
        }
    }

    @Test
    void unknownInterfaceFailsAtStart() {
        CaptureRights.assumeDirectCapture();
        LiveCaptureException e = assertThrows(LiveCaptureException.class,
                () -> new LiveCaptures().start(CaptureRequest.of(List.of("egress-no-such-if0")), f -> { }));
        assertTrue(e.getMessage().contains("egress-no-such-if0"), e.getMessage());
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
