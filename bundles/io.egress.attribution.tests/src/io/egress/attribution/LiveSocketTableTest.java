package io.egress.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.core.net.IpAddresses;
import io.egress.core.process.ExecutableState;
import io.egress.core.process.ProcessInfo;
import io.egress.core.socket.AttributionMethod;
import io.egress.core.socket.Connection;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketSnapshot;
import io.egress.core.socket.SocketState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finds sockets this JVM opens on loopback in a real snapshot of the machine, with this JVM's pid. */
class LiveSocketTableTest {
    private static final long SELF = ProcessHandle.current().pid();

    private static void assumeLinux() {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux /proc");
    }

    @Test
    void findsListenerAndConnectedPairWithOwnPidThroughProc() throws IOException {
        assumeLinux();
        checkLoopbackTrio(SocketTableOptions.defaults().withListing(Listing.PROC), AttributionMethod.PROC_FD);
    }

    @Test
    void aCommandLineWithANewlineIsReadWhole() throws Exception {
        assumeLinux();
        // a multi-line one-liner, as droppers use: OSHI alone stops at the newline
        Process child = new ProcessBuilder("sh", "-c", "sleep 30\n:").start();
        try (SocketTableService service = new SocketTableService()) {
            ProcessInfo info = service.process(child.pid()).orElseThrow();
            assertEquals("sh -c sleep 30\n:", info.commandLine());
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void findsThemThroughOshiToo() throws IOException {
        checkLoopbackTrio(SocketTableOptions.defaults().withListing(Listing.OSHI), AttributionMethod.OSHI);
    }

    static void checkLoopbackTrio(SocketTableOptions options, AttributionMethod expected) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 5, loopback);
                Socket client = new Socket()) {
            client.connect(new InetSocketAddress(loopback, server.getLocalPort()), 2000);
            try (Socket accepted = server.accept();
                    SocketTableService service = new SocketTableService(options)) {
                SocketSnapshot s = service.snapshot();
                int port = server.getLocalPort();
                int clientPort = client.getLocalPort();

                Connection listener = only(s, c -> c.socket().localPort() == port && c.socket().state() == SocketState.LISTEN);
                Connection clientSide = only(s, c -> c.socket().localPort() == clientPort && c.socket().remotePort() == port);
                Connection serverSide = only(s, c -> c.socket().localPort() == port && c.socket().remotePort() == clientPort);

                for (Connection c : List.of(listener, clientSide, serverSide)) {
                    assertEquals(SELF, c.pid().orElse(-1), c.toString());
                    assertEquals(expected, c.attribution().method(), c.toString());
                    assertEquals("127.0.0.1", IpAddresses.format(c.socket().localAddress()), c.toString());
                    assertEquals(Protocol.TCP, c.socket().protocol());
                }
                assertEquals(SocketState.ESTABLISHED, clientSide.socket().state());
                assertEquals(SocketState.ESTABLISHED, serverSide.socket().state());
                ProcessInfo me = listener.process().orElseThrow();
                assertTrue(me.exePath().endsWith("java"), me.exePath());
                assertTrue(me.commandLine().contains("java"), me.commandLine());
                if (Files.isReadable(Path.of("/proc/self/stat"))) {
                    assertEquals(ExecutableState.PRESENT, me.executable());
                }
                long startedAt = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
                assertTrue(Math.abs(me.startTimeMillis() - startedAt) < 2000, me.startTimeMillis() + " vs " + startedAt);
                assertEquals(accepted.getLocalPort(), port);
            }
        }
    }

    private static Connection only(SocketSnapshot s, java.util.function.Predicate<Connection> which) {
        List<Connection> found = s.connections().stream().filter(which).toList();
        assertEquals(1, found.size(), () -> "expected one match among " + s.connections().size() + " rows: " + found);
        return found.get(0);
    }
}
