package io.egress.attribution;

import io.egress.attribution.internal.SocketLister;
import io.egress.attribution.internal.netlink.NetlinkSocketLister;
import io.egress.attribution.internal.proc.ProcSocketLister;
import io.egress.attribution.internal.proc.RealProcFs;
import io.egress.core.socket.Connection;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Socket-table refresh times with N loopback sockets held by this JVM, against {@code ss -tuanp}.
 * Not a unit test (it takes tens of seconds): run by hand,
 * {@code java ... io.egress.attribution.SocketTableBenchmark 50 5000}. Medians of 21 runs after
 * at least 2 s of warm-up (each ss run is a new process, as when an analyst runs it); every run also checks that each of our sockets was attributed to this pid.
 */
public final class SocketTableBenchmark {
    private static final int WARMUP = 3;
    /** A workbench refreshes its table every second for hours: measure the JIT-compiled steady state. */
    private static final long WARMUP_NANOS = 2_000_000_000L;
    private static final int RUNS = 21;
    private static final long SELF = ProcessHandle.current().pid();

    private SocketTableBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            if (a.startsWith("churn")) {
                churn(Integer.parseInt(a.substring("churn".length())));
            } else {
                run(Integer.parseInt(a));
            }
        }
    }

    /**
     * Short-lived connections from a child process (python3), each living {@code lifeMillis}; the
     * child prints each connection's port the moment it is connected, standing in for "first
     * packet seen" (no capture here), and this JVM looks the socket up at once.
     */
    private static void churn(int lifeMillis) throws Exception {
        int count = 100;
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 200, lo);
                SocketTableService service = new SocketTableService(SocketTableOptions.defaults().withListing(Listing.NETLINK))) {
            service.snapshot();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < count; i++) {
                        server.accept().close();
                    }
                } catch (IOException e) {
                    System.err.println("acceptor stopped: " + e);
                }
            });
            String script = "import socket,sys,time\n"
                    + "for i in range(" + count + "):\n"
                    + "  s=socket.create_connection(('127.0.0.1'," + server.getLocalPort() + "))\n"
                    + "  print(s.getsockname()[1], flush=True); time.sleep(" + lifeMillis / 1000.0 + "); s.close()\n";
            Process child = new ProcessBuilder("python3", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            int right = 0;
            int wrong = 0;
            int missing = 0;
            long[] delays = new long[count];
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
                for (int i = 0; i < count; i++) {
                    int port = Integer.parseInt(lines.readLine().trim());
                    Instant seen = Instant.now();
                    java.util.Optional<Connection> c = service.lookup(Protocol.TCP, lo, port, lo, server.getLocalPort(), seen);
                    if (c.isEmpty() || c.get().pid().isEmpty()) {
                        missing++;
                    } else if (c.get().pid().getAsLong() == child.pid()) {
                        right++;
                    } else {
                        wrong++;
                    }
                    delays[i] = c.map(x -> x.attribution().delay().toNanos()).orElse(0L);
                }
            }
            child.waitFor();
            acceptor.join();
            System.out.printf("%n== churn: %d connections living %d ms from pid %d: right %d, wrong %d, unattributed %d%n",
                    count, lifeMillis, child.pid(), right, wrong, missing);
            report("  lookup delay after the connection was reported", delays);
            System.out.printf("  first five delays (ms): %s%n", Arrays.toString(Arrays.stream(delays, 0, 5).mapToObj(d -> String.format("%.1f", d / 1e6)).toArray()));
        }
    }

    private static void run(int sockets) throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        List<Socket> open = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1000, lo)) {
            int pairs = Math.max(1, (sockets - 1) / 2);
            for (int i = 0; i < pairs; i++) {
                Socket c = new Socket();
                c.connect(new InetSocketAddress(lo, server.getLocalPort()), 2000);
                open.add(c);
                open.add(server.accept());
            }
            int ours = open.size() + 1;
            System.out.printf("%n== %d loopback sockets held by pid %d (%d in total on the machine)%n", ours, SELF,
                    countSs());
            report("ss -tuanp (process start included)", time(SocketTableBenchmark::ss));
            try (NetlinkSocketLister nl = NetlinkSocketLister.open().orElseThrow()) {
                report("netlink listing only", time(() -> nl.list().sockets().size()));
            }
            SocketLister proc = new ProcSocketLister(new RealProcFs(SocketTableOptions.SYSTEM_PROC));
            report("/proc/net listing only", time(() -> proc.list().sockets().size()));
            bench("snapshot netlink, full pid map every time", SocketTableOptions.defaults().withListing(Listing.NETLINK)
                    .withFullPassEvery(1), ours);
            bench("snapshot netlink, incremental pid map", SocketTableOptions.defaults().withListing(Listing.NETLINK), ours);
            bench("snapshot /proc, full pid map every time", SocketTableOptions.defaults().withListing(Listing.PROC)
                    .withFullPassEvery(1), ours);
            bench("snapshot /proc, incremental pid map", SocketTableOptions.defaults().withListing(Listing.PROC), ours);
            bench("snapshot OSHI getConnections", SocketTableOptions.defaults().withListing(Listing.OSHI), ours);
            lookups(server, lo);
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    private static void bench(String name, SocketTableOptions options, int expected) {
        try (SocketTableService service = new SocketTableService(options)) {
            report(name, time(() -> {
                SocketSnapshot s = service.snapshot();
                long mine = s.connections().stream().filter(c -> c.pid().orElse(-1) == SELF).count();
                if (mine < expected) {
                    throw new IllegalStateException(name + ": only " + mine + " of " + expected + " attributed to us");
                }
                return mine;
            }));
        }
    }

    /** Triggered lookups of fresh connections, each made just before its lookup. */
    private static void lookups(ServerSocket server, InetAddress lo) throws IOException {
        try (SocketTableService service = new SocketTableService(SocketTableOptions.defaults().withListing(Listing.NETLINK))) {
            service.snapshot();
            long[] nanos = new long[50];
            for (int i = 0; i < nanos.length; i++) {
                try (Socket c = new Socket()) {
                    c.connect(new InetSocketAddress(lo, server.getLocalPort()), 2000);
                    try (Socket accepted = server.accept()) {
                        long t0 = System.nanoTime();
                        Connection found = service.lookup(Protocol.TCP, lo, c.getLocalPort(), lo, server.getLocalPort(),
                                Instant.now()).orElseThrow();
                        nanos[i] = System.nanoTime() - t0;
                        if (found.pid().orElse(-1) != SELF) {
                            throw new IllegalStateException("lookup gave " + found);
                        }
                    }
                }
            }
            report("triggered lookup of one new connection (netlink)", nanos);
        }
    }

    private static long[] time(LongSupplier work) {
        long warmStart = System.nanoTime();
        for (int i = 0; i < WARMUP || System.nanoTime() - warmStart < WARMUP_NANOS; i++) {
            work.getAsLong();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            work.getAsLong();
            nanos[i] = System.nanoTime() - t0;
        }
        return nanos;
    }

    private static void report(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-52s median %7.2f ms  (min %7.2f, max %7.2f, n=%d)%n", name, sorted[sorted.length / 2] / 1e6,
                sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static long ss() {
        try {
            Process p = new ProcessBuilder("ss", "-tuanp").redirectErrorStream(true).start();
            long bytes;
            try (InputStream in = p.getInputStream()) {
                bytes = in.transferTo(OutputSink.INSTANCE);
            }
            p.waitFor();
            return bytes;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long countSs() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ss", "-tuan").start();
        long lines;
        try (InputStream in = p.getInputStream()) {
            lines = new String(in.readAllBytes()).lines().count() - 1;
        }
        p.waitFor();
        return lines;
    }

    /** Discards output. */
    private static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
            // discarded on purpose: only the time matters
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discarded on purpose: only the time matters
        }
    }
}
