package io.egress.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.core.socket.AttributionMethod;
import io.egress.core.socket.Confidence;
import io.egress.core.socket.Connection;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketState;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The netlink listing and the packet-triggered lookup against sockets this JVM opens on loopback. */
class LiveNetlinkTest {
    private static final long SELF = ProcessHandle.current().pid();
    private InetAddress lo;

    @BeforeEach
    void linuxOnly() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux");
        lo = InetAddress.getByName("127.0.0.1");
    }

    private static SocketTableService netlinkService() {
        SocketTableService s = new SocketTableService(SocketTableOptions.defaults().withListing(Listing.NETLINK));
        assumeTrue("netlink".equals(s.source()), "netlink sock_diag not available here");
        return s;
    }

    @Test
    void snapshotThroughNetlinkFindsListenerAndPair() throws IOException {
        try (SocketTableService probe = netlinkService()) {
            assertEquals("netlink", probe.source());
        }
        LiveSocketTableTest.checkLoopbackTrio(SocketTableOptions.defaults().withListing(Listing.NETLINK),
                AttributionMethod.NETLINK);
    }

    @Test
    void exactLookupFindsBothEndsOfAConnection() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, lo); Socket client = new Socket();
                SocketTableService service = netlinkService()) {
            client.connect(new InetSocketAddress(lo, server.getLocalPort()), 2000);
            try (Socket accepted = server.accept()) {
                Instant seen = Instant.now();
                Connection c = service.lookup(Protocol.TCP, lo, client.getLocalPort(), lo, server.getLocalPort(), seen)
                        .orElseThrow();
                assertEquals(SELF, c.pid().orElse(-1));
                assertEquals(AttributionMethod.TRIGGER, c.attribution().method());
                assertEquals(Confidence.EXACT, c.attribution().confidence());
                assertEquals(SocketState.ESTABLISHED, c.socket().state());
                assertTrue(c.attribution().delay().compareTo(Duration.ofSeconds(2)) < 0, c.attribution().toString());
                Connection s = service.lookup(Protocol.TCP, lo, server.getLocalPort(), lo, client.getLocalPort(), seen)
                        .orElseThrow();
                assertEquals(SELF, s.pid().orElse(-1));
                assertEquals(accepted.getLocalPort(), s.socket().localPort());
            }
        }
    }

    @Test
    void connectionNotYetAcceptedGoesToTheListenersProcess() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, lo); Socket client = new Socket();
                SocketTableService service = netlinkService()) {
            client.connect(new InetSocketAddress(lo, server.getLocalPort()), 2000);
            // no accept(): the server side exists in the kernel but no process has it yet
            Connection c = service.lookup(Protocol.TCP, lo, server.getLocalPort(), lo, client.getLocalPort(), Instant.now())
                    .orElseThrow();
            assertEquals(SELF, c.pid().orElse(-1));
            assertEquals(Confidence.HIGH, c.attribution().confidence());
            assertTrue(c.attribution().note().contains("listening"), c.attribution().note());
        }
    }

    @Test
    void udpReceiverIsFoundForAnyPeer() throws IOException {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(lo, 0));
                SocketTableService service = netlinkService()) {
            Connection c = service.lookup(Protocol.UDP, lo, udp.getLocalPort(), lo, 40000, Instant.now()).orElseThrow();
            assertEquals(SELF, c.pid().orElse(-1));
            assertEquals(SocketState.UNCONNECTED, c.socket().state());
        }
    }

    @Test
    void noSocketMeansEmptyNotAGuess() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, lo)) {
            closedPort = s.getLocalPort();
        }
        try (SocketTableService service = netlinkService()) {
            Optional<Connection> none = service.lookup(Protocol.TCP, lo, closedPort, lo, 40001, Instant.now());
            assertTrue(none.isEmpty(), none.toString());
        }
    }

    @Test
    void lookupWorksThroughProcListingToo() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, lo); Socket client = new Socket();
                SocketTableService service = new SocketTableService(SocketTableOptions.defaults().withListing(Listing.PROC))) {
            client.connect(new InetSocketAddress(lo, server.getLocalPort()), 2000);
            try (Socket accepted = server.accept()) {
                Connection c = service.lookup(Protocol.TCP, lo, client.getLocalPort(), lo, server.getLocalPort(),
                        Instant.now()).orElseThrow();
                assertEquals(SELF, c.pid().orElse(-1));
                assertEquals(AttributionMethod.TRIGGER, c.attribution().method());
            }
        }
    }
}
