package io.egress.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.core.socket.Connection;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketSnapshot;
import io.egress.core.socket.SocketState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sockets of other network namespaces are listed through a process inside, labelled, and owned only there. */
class NetNamespaceTest {
    private static final long HOST_NS = 4026531840L;
    private static final long CONTAINER_NS = 4026532999L;

    @TempDir
    Path dir;

    @Test
    void fixtureContainerSocketsAreLabelledWithTheirNamespace() throws IOException {
        ProcFixture proc = new ProcFixture(dir);
        String listen80 = ProcFixture.line(0, "00000000:0050", "00000000:0000", 0x0A, 0, "5001");
        proc.table("tcp", ProcFixture.TCP_HEADER, listen80);
        proc.process(10, "host-web", 1, 0, "3=socket:[5001]");
        proc.process(60, "container-web", 2, 0, "3=socket:[6001]");
        Files.createDirectories(dir.resolve("10/ns"));
        Files.createDirectories(dir.resolve("60/ns"));
        Files.createDirectories(dir.resolve("60/net"));
        Files.createSymbolicLink(dir.resolve("10/ns/net"), Path.of("net:[" + HOST_NS + "]"));
        Files.createSymbolicLink(dir.resolve("60/ns/net"), Path.of("net:[" + CONTAINER_NS + "]"));
        Files.createSymbolicLink(dir.resolve("self"), Path.of("10"));
        Files.writeString(dir.resolve("60/net/tcp"), ProcFixture.TCP_HEADER
                + ProcFixture.line(0, "00000000:0050", "00000000:0000", 0x0A, 0, "6001"), StandardCharsets.US_ASCII);

        SocketTableOptions opts = SocketTableOptions.defaults().withProcRoot(dir).withListing(Listing.PROC);
        try (SocketTableService service = new SocketTableService(opts, new HookedProcFs(dir))) {
            SocketSnapshot s = service.snapshot();
            List<Connection> port80 = s.connections().stream().filter(c -> c.socket().localPort() == 80).toList();
            assertEquals(2, port80.size(), port80.toString());
            for (Connection c : port80) {
                long ns = c.socket().netNamespace().orElseThrow();
                assertEquals(ns == HOST_NS ? 10L : 60L, c.pid().orElseThrow(), c.toString());
            }
            assertTrue(port80.stream().anyMatch(c -> c.socket().netNamespace().getAsLong() == CONTAINER_NS));
        }
    }

    /**
     * As root: a real listener in a new network namespace (unshare -n) on the same address and
     * port as one in this JVM. Both appear, each with its own namespace and pid.
     */
    @Test
    void liveListenerInAnotherNamespaceIsNotGivenToTheHostProcess() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/ns/net")), "needs Linux namespaces");
        assumeTrue("root".equals(System.getProperty("user.name")), "creating a network namespace needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/usr/bin/python3")),
                "needs unshare and python3");
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        try (ServerSocket host = new ServerSocket(0, 5, lo)) {
            int port = host.getLocalPort();
            String script = "import socket,sys,time\n"
                    + "s=socket.socket(); s.bind(('127.0.0.1'," + port + ")); s.listen(1)\n"
                    + "print('ready', flush=True); time.sleep(30)\n";
            Process inside = new ProcessBuilder("/usr/bin/unshare", "-n", "sh", "-c",
                    "ip link set lo up && exec /usr/bin/python3 -c \"$0\"", script).redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(inside.getInputStream(), StandardCharsets.UTF_8));
                String line = out.readLine();
                assumeTrue("ready".equals(line), "namespaced listener did not start: " + line);
                try (SocketTableService service = new SocketTableService()) {
                    SocketSnapshot s = service.snapshot();
                    List<Connection> listeners = s.connections().stream()
                            .filter(c -> c.socket().localPort() == port && c.socket().state() == SocketState.LISTEN).toList();
                    assertEquals(2, listeners.size(), listeners.toString());
                    Connection ours = listeners.stream().filter(c -> c.pid().orElse(-1) == ProcessHandle.current().pid())
                            .findFirst().orElseThrow();
                    Connection theirs = listeners.stream().filter(c -> c.pid().orElse(-1) == inside.pid())
                            .findFirst().orElseThrow(() -> new AssertionError(listeners.toString()));
                    assertTrue(ours.socket().netNamespace().getAsLong() != theirs.socket().netNamespace().getAsLong());
                    assertEquals("python3", theirs.process().orElseThrow().name().replaceAll("[0-9.]+$", "3"));

                    // a lookup in this namespace finds our listener, never theirs
                    Connection looked = service.lookup(Protocol.TCP, lo, port, InetAddress.getByName("0.0.0.0"), 0,
                            Instant.now()).orElseThrow();
                    assertEquals(ProcessHandle.current().pid(), looked.pid().orElse(-1));
                }
            } finally {
                inside.destroy();
                inside.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
