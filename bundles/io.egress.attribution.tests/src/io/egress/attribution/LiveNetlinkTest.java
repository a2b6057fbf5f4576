package io.egress.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.attribution.internal.netlink.DiagRequest;
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
    void oneTcpDumpListsBothFamiliesAsThePerFamilyDumpsDo() throws Exception {
        InetAddress lo6 = InetAddress.getByName("::1");
        // Java's ServerSocket is an AF_INET6 socket even on 127.0.0.1: ask for a real AF_INET one
        try (java.nio.channels.ServerSocketChannel v4channel = java.nio.channels.ServerSocketChannel
                .open(java.net.StandardProtocolFamily.INET).bind(new InetSocketAddress(lo, 0));
                ServerSocket v6 = listenerOr(lo6);
                io.egress.attribution.internal.netlink.NetlinkSocket nl = netlinkSocket()) {
            assumeTrue(v6 != null, "no IPv6 loopback here");
            ServerSocket v4 = v4channel.socket();
            java.util.Set<String> once = ours(nl.dumpTcpBothFamilies(), v4, v6);
            java.util.Set<String> perFamily = ours(nl.dump(DiagRequest.AF_INET, DiagRequest.IPPROTO_TCP), v4, v6);
            perFamily.addAll(ours(nl.dump(DiagRequest.AF_INET6, DiagRequest.IPPROTO_TCP), v4, v6));
            assertEquals(java.util.Set.of("2:" + v4.getLocalPort(), "10:" + v6.getLocalPort()),
                    once.stream().map(k -> k.substring(0, k.lastIndexOf(':'))).collect(java.util.stream.Collectors.toSet()));
            assertEquals(perFamily, once);
        }
    }

    private static ServerSocket listenerOr(InetAddress address) {
        try {
            return new ServerSocket(0, 5, address);
        } catch (IOException e) {
            return null;
        }
    }

    private static io.egress.attribution.internal.netlink.NetlinkSocket netlinkSocket() {
        try {
            return io.egress.attribution.internal.netlink.NetlinkSocket.open();
        } catch (io.egress.attribution.internal.netlink.NetlinkException e) {
            assumeTrue(false, "netlink sock_diag not available here: " + e.getMessage());
            throw new AssertionError(e);
        }
    }

    /** family:port:inode of the records that are our two listeners. */
    private static java.util.Set<String> ours(java.util.List<io.egress.attribution.internal.netlink.DiagRecord> records,
            ServerSocket v4, ServerSocket v6) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (var r : records) {
            if ((r.family() == DiagRequest.AF_INET && r.localPort() == v4.getLocalPort())
                    || (r.family() == DiagRequest.AF_INET6 && r.localPort() == v6.getLocalPort())) {
                keys.add(r.family() + ":" + r.localPort() + ":" + r.inode());
            }
        }
        return keys;
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
