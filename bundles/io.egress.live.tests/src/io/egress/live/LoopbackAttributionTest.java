package io.egress.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.capture.live.CaptureAccess;
import io.egress.capture.live.CaptureMethod;
import io.egress.capture.live.CaptureRequest;
import io.egress.capture.live.LiveCaptures;
import io.egress.core.socket.AttributionMethod;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture on lo while the test opens loopback connections: every flow is found with the test's
 * own pid, by the trigger, and the exported pcapng says so per packet. Loopback only.
 */
class LoopbackAttributionTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final long SELF = ProcessHandle.current().pid();

    private static void assumeCapture() {
        CaptureAccess access = new LiveCaptures().access();
        assumeTrue(access.method().filter(m -> m == CaptureMethod.DIRECT).isPresent(),
                "live capture not permitted here (run as root or with CAP_NET_RAW): " + access.explanation());
    }

    @Test
    void everyConnectionOfTheTestIsOwnedByTheTestsPid(@TempDir Path dir) throws Exception {
        assumeCapture();
        try (ServerSocket server = new ServerSocket(0, 100, LO)) {
            CaptureRequest request = CaptureRequest.of(List.of("lo")).withFilter("tcp port " + server.getLocalPort())
                    .withSpool(dir.resolve("spool.pcapng"));
            Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
            try (LiveSession session = LiveSession.start(request)) {
                for (int i = 0; i < 10; i++) {
                    try (Socket c = new Socket(LO, server.getLocalPort()); Socket accepted = server.accept()) {
                        clientPorts.add(c.getLocalPort());
                        c.getOutputStream().write(1);
                        accepted.getInputStream().read();
                        // held open until its owner is known: how fast that is on a loaded machine is the
                        // churn benchmark's question; here it is which pid and by which method
                        awaitOwner(session, c.getLocalPort());
                    }
                }
                Thread.sleep(200);
                session.stop();
                assertTrue(session.awaitSettled(Duration.ofSeconds(10)), session.statistics().describe());
                LiveSnapshot flows = session.snapshot();
                assertEquals(10, flows.size());
                for (AttributedFlow f : flows) {
                    FlowOwner o = f.owner();
                    assertTrue(clientPorts.contains(f.flow().initiatorPort()));
                    assertEquals(OwnerState.ATTRIBUTED, o.state(), o.attribution().describe());
                    assertEquals(SELF, o.pid().orElseThrow(), f.flow().toString());
                    assertTrue(Set.of(AttributionMethod.TRIGGER, AttributionMethod.POLL).contains(o.attribution().method()),
                            o.attribution().describe());
                    assertTrue(o.comment().startsWith("pid=" + SELF + " "), o.comment());
                }
                LiveStatistics stats = session.statistics();
                assertTrue(stats.byTrigger() >= 1, stats.describe());
                assertEquals(10, stats.byTrigger() + stats.byPoll(), stats.describe());
                assertEquals(1.0, stats.attributionRate());
                Path out = dir.resolve("owned.pcapng");
                session.exportPcapng(out);
                assertTrue(java.nio.file.Files.size(out) > 0);
            }
        }
    }

    @Test
    void shortConnectionsUnderChurnAreNeverGivenAWrongPid() throws Exception {
        assumeCapture();
        int connections = 60;
        try (ServerSocket server = new ServerSocket(0, 200, LO)) {
            Thread acceptor = new Thread(() -> serve(server), "churn-server");
            acceptor.setDaemon(true);
            acceptor.start();
            CaptureRequest request = CaptureRequest.of(List.of("lo")).withFilter("tcp port " + server.getLocalPort());
            try (LiveSession session = LiveSession.start(request)) {
                for (int i = 0; i < connections; i++) {
                    try (Socket c = new Socket(LO, server.getLocalPort())) {
                        c.getOutputStream().write(1);
                        Thread.sleep(20); // a connection living about 20 ms
                    }
                }
                Thread.sleep(200);
                session.stop();
                session.awaitSettled(Duration.ofSeconds(10));
                LiveStatistics stats = session.statistics();
                List<Long> pids = new ArrayList<>();
                for (AttributedFlow f : session.snapshot()) {
                    f.owner().pid().ifPresent(pids::add);
                }
                assertEquals(connections, stats.socketFlows(), stats.describe());
                assertTrue(pids.stream().allMatch(p -> p == SELF), "a flow was given another pid: " + pids);
                assertEquals(0, stats.pending(), stats.describe());
                // the share caught in time is a benchmark figure (releng/bench/live/churn.sh), not a test:
                // on a loaded machine it drops; here the trigger path must work and never guess
                assertTrue(stats.byTrigger() >= 1, stats.describe());
                assertEquals(connections, stats.byTrigger() + stats.byPoll() + stats.unattributed(), stats.describe());
            }
        }
    }

    /** Waits (at most 10 s) until the flow from this client port has an owner. */
    private static void awaitOwner(LiveSession session, int clientPort) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            LiveSnapshot flows = session.snapshot();
            for (int i = 0; i < flows.size(); i++) {
                if (flows.get(i).flow().initiatorPort() == clientPort && flows.owner(i).state() != OwnerState.PENDING) {
                    return;
                }
            }
            Thread.sleep(5);
        }
    }

    private static void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> drain(s));
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed at the end of the test
            }
        }
    }

    private static void drain(Socket s) {
        try (s; InputStream in = s.getInputStream()) {
            in.transferTo(OutputStreamSink.INSTANCE);
        } catch (IOException e) {
            // the client resets or closes: the connection is over either way
        }
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discard
        }
    }
}
