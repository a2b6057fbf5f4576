package io.egress.live.internal.bench;

import io.egress.attribution.SocketTableService;
import io.egress.capture.live.CaptureRequest;
import io.egress.core.flow.Flow;
import io.egress.core.socket.Connection;
import io.egress.live.AttributedFlow;
import io.egress.live.FlowOwner;
import io.egress.live.LiveSession;
import io.egress.live.LiveSnapshot;
import io.egress.live.LiveStatistics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The churn benchmark (releng/bench/live/churn.sh): a client process opens and closes N loopback
 * connections living a few ms each to a server process while a live session captures {@code lo};
 * counts the connections attributed to the client's pid (right), to any other pid (wrong) or to
 * none, against two baselines polling every second beside it: our socket table and {@code ss -tanp}.
 * <p>
 * Arguments: {@code PEER_SCRIPT N LIFE_MS...}; needs capture rights, python3 and ss.
 */
public final class ChurnBenchmark {
    private static final Pattern SS_LINE = Pattern.compile("\\S+\\s+\\d+\\s+\\d+\\s+127\\.0\\.0\\.1:(\\d+)\\s+127\\.0\\.0\\.1:(\\d+).*?pid=(\\d+)");

    private ChurnBenchmark() {
    }

    /** Outcome of one method over the run's connections. */
    private record Score(int right, int wrong, int none) {
        String text(int total) {
            return String.format("%5.1f %% right (%d), %d wrong, %d unattributed", 100.0 * right / total, right, wrong, none);
        }
    }

    public static void main(String[] args) throws Exception {
        String peer = args[0];
        int n = Integer.parseInt(args[1]);
        for (int i = 2; i < args.length; i++) {
            run(peer, n, Integer.parseInt(args[i]));
        }
    }

    private static void run(String peer, int n, int lifeMillis) throws Exception {
        int port = freePort();
        Process server = new ProcessBuilder("python3", peer, "server", Integer.toString(port)).redirectErrorStream(true).start();
        try (BufferedReader ready = reader(server)) {
            ready.readLine();
            Map<Integer, Set<Long>> polled = new ConcurrentHashMap<>();
            Map<Integer, Set<Long>> ssPolled = new ConcurrentHashMap<>();
            List<Integer> ports = new ArrayList<>();
            long client;
            LiveStatistics stats;
            LiveSnapshot flows;
            try (LiveSession session = LiveSession.start(CaptureRequest.of(List.of("lo")).withFilter("tcp port " + port));
                    SocketTableService baseline = new SocketTableService()) {
                Baseline poll = new Baseline(() -> pollTable(baseline, port, polled));
                Baseline ss = new Baseline(() -> pollSs(port, ssPolled));
                Process c = new ProcessBuilder("python3", peer, "client", Integer.toString(port), Integer.toString(n),
                        Integer.toString(lifeMillis)).redirectErrorStream(true).start();
                client = c.pid();
                try (BufferedReader out = reader(c)) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        ports.add(Integer.parseInt(line.strip()));
                    }
                }
                c.waitFor();
                Thread.sleep(300);
                poll.stop();
                ss.stop();
                session.stop();
                session.awaitSettled(Duration.ofSeconds(6));
                stats = session.statistics();
                flows = session.snapshot();
            }
            Map<Integer, FlowOwner> byPort = new ConcurrentHashMap<>();
            for (AttributedFlow af : flows) {
                Flow f = af.flow();
                if (f.responderPort() == port) {
                    byPort.put(f.initiatorPort(), af.owner());
                }
            }
            Score live = score(ports, client, p -> byPort.containsKey(p) && byPort.get(p).pid().isPresent()
                    ? Set.of(byPort.get(p).pid().getAsLong()) : Set.of());
            Score table = score(ports, client, p -> polled.getOrDefault(p, Set.of()));
            Score ssScore = score(ports, client, p -> ssPolled.getOrDefault(p, Set.of()));
            System.out.printf("%n== %d connections living %d ms (client pid %d, server pid %d), load %s%n", ports.size(), lifeMillis, client,
                    server.pid(), load());
            System.out.println("capture + trigger (egress)          " + live.text(ports.size()) + "; by trigger " + stats.byTrigger()
                    + ", by poll " + stats.byPoll() + "; trigger delay median " + ms(stats.triggerDelayMedian()) + " ms, max "
                    + ms(stats.triggerDelayMax()) + " ms; capture lag median " + ms(stats.captureLagMedian()) + " ms; lookup cost median " + ms(stats.lookupCostMedian()) + " ms; packets "
                    + stats.capture().packets() + ", dropped " + stats.capture().dropped());
            long[] missDelays = byPort.values().stream().filter(o -> o.pid().isEmpty() && o.connection().isPresent())
                    .mapToLong(o -> o.attribution().delay().toNanos()).sorted().toArray();
            if (missDelays.length > 0) {
                System.out.printf("    %d misses found the socket too late or without its owner: lookup answered %.1f ms (median) after the first packet%n",
                        missDelays.length, missDelays[missDelays.length / 2] / 1e6);
            }
            byPort.values().stream().filter(o -> o.pid().isEmpty()).map(o -> o.attribution().method().id() + ": " + o.attribution().note())
                    .distinct().limit(3).forEach(note -> System.out.println("    unattributed because: " + note));
            System.out.println("poll socket table every 1 s         " + table.text(ports.size()));
            System.out.println("poll ss -tanp every 1 s             " + ssScore.text(ports.size()));
        } finally {
            server.destroy();
        }
    }

    private static Score score(List<Integer> ports, long client, java.util.function.IntFunction<Set<Long>> pids) {
        int right = 0;
        int wrong = 0;
        int none = 0;
        for (int p : ports) {
            Set<Long> found = pids.apply(p);
            if (found.stream().anyMatch(pid -> pid != client)) {
                wrong++;
            } else if (found.contains(client)) {
                right++;
            } else {
                none++;
            }
        }
        return new Score(right, wrong, none);
    }

    private static void pollTable(SocketTableService table, int port, Map<Integer, Set<Long>> seen) {
        for (Connection c : table.snapshot().connections()) {
            if (c.socket().remotePort() == port && c.pid().isPresent()) {
                seen.computeIfAbsent(c.socket().localPort(), k -> ConcurrentHashMap.newKeySet()).add(c.pid().getAsLong());
            }
        }
    }

    private static void pollSs(int port, Map<Integer, Set<Long>> seen) {
        try {
            Process p = new ProcessBuilder("ss", "-tanp").redirectErrorStream(true).start();
            try (BufferedReader r = reader(p)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    Matcher m = SS_LINE.matcher(line);
                    if (m.find() && Integer.parseInt(m.group(2)) == port) {
                        seen.computeIfAbsent(Integer.parseInt(m.group(1)), k -> ConcurrentHashMap.newKeySet()).add(Long.parseLong(m.group(3)));
                    }
                }
            }
            p.waitFor();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a poll every second on its own thread, the first one at once. */
    private static final class Baseline {
        private final Thread thread;
        private volatile boolean stopped;

        Baseline(Runnable poll) {
            thread = new Thread(() -> {
                while (!stopped) {
                    poll.run();
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return; // stop() interrupts the sleep
                    }
                }
            }, "churn-baseline");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            stopped = true;
            thread.interrupt();
            thread.join(5000);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String ms(Duration d) {
        return String.format("%.1f", d.toNanos() / 1e6);
    }

    private static String load() throws IOException {
        return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg")), StandardCharsets.US_ASCII).split(" ")[0];
    }

}
