package io.egress.cli.internal.capture;

import io.egress.attribution.SocketTableOptions;
import io.egress.capture.live.CaptureMethod;
import io.egress.capture.live.CaptureRequest;
import io.egress.capture.live.CaptureStatistics;
import io.egress.capture.live.InterfaceState;
import io.egress.capture.live.InterfaceStatus;
import io.egress.capture.live.InvalidFilterException;
import io.egress.capture.live.LiveCaptureException;
import io.egress.capture.live.LiveCaptures;
import io.egress.cli.internal.Command;
import io.egress.cli.internal.Options;
import io.egress.cli.internal.UsageException;
import io.egress.live.LiveSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code egress capture --interface IF [--interface IF2] [--filter BPF] [--duration 10s]
 * [--write FILE.pcapng] [--format json|csv|table]}: captures live, ties every flow to its process
 * the moment its first packet is seen, and prints the flows as {@code analyze} does plus their
 * owners. {@code --list-interfaces} lists what can be captured.
 */
public final class CaptureCommand implements Command {
    private static final Set<String> FORMATS = Set.of("json", "csv", "table");
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final SocketTableOptions sockets;
    private final Supplier<LiveCaptures> captures;

    public CaptureCommand() {
        this(SocketTableOptions.defaults(), LiveCaptures::new);
    }

    public CaptureCommand(SocketTableOptions sockets, Supplier<LiveCaptures> captures) {
        this.sockets = sockets;
        this.captures = captures;
    }

    @Override
    public String name() {
        return "capture";
    }

    @Override
    public String summary() {
        return "capture live traffic and name the process behind every flow";
    }

    @Override
    public String help() {
        return """
                Usage: egress capture --interface IF [--interface IF2...] [--filter BPF] [--duration 10s]
                                      [--write FILE.pcapng] [--format json|csv|table] [--method direct|dumpcap]
                       egress capture --list-interfaces [--format json|csv|table]

                Captures on the interfaces until --duration has passed or Ctrl+C, then prints the
                flows as 'egress analyze' does plus, for each, the owning process (pid, name,
                executable, user) and how it was found: 'trigger' (looked up when the flow's first
                packet was seen), 'poll' (a socket-table snapshot each second), or 'none'
                (unattributed: no socket had the flow's tuple; never guessed).

                Capturing needs root or CAP_NET_RAW; without them a 'dumpcap' child process
                captures when one is installed, else the error names the commands that grant
                the right.

                Options:
                  --interface IF     capture on IF (repeat for several); see --list-interfaces
                  --filter BPF       a capture filter (tcpdump syntax), checked before starting
                  --duration TIME    stop after TIME (10s, 500ms, 2m); default: until Ctrl+C
                  --write FILE       also write the packets as pcapng, each with its owning process
                                     as a packet comment (tshark -e frame.comment shows it)
                  --format FORMAT    table (default), json (one object, fields in docs/live-capture.md), csv
                  --method METHOD    direct (libpcap here) or dumpcap; default: what the rights allow
                  --list-interfaces  list interfaces with addresses and state, then exit

                Exit status: 0 when every interface captured to the end, 1 when one could not be
                opened or ended early (it is named on stderr), 2 on a usage error or an invalid filter.

                Example:
                  egress capture --interface lo --filter 'tcp' --duration 10s --write lo.pcapng --format json
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> interfaces = new ArrayList<>();
        Options o = Options.parse(withoutInterfaces(args, interfaces), Set.of("filter", "duration", "write", "format", "method"),
                Set.of("list-interfaces"));
        if (!o.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
        }
        String format = o.choice("format", "table", FORMATS);
        LiveCaptures live = captures.get();
        if (o.flag("list-interfaces")) {
            return listInterfaces(live, format, out, err);
        }
        if (interfaces.isEmpty()) {
            throw new UsageException("no --interface given (egress capture --list-interfaces shows them)");
        }
        String filter = o.value("filter", "").strip();
        try {
            live.checkFilter(filter);
        } catch (InvalidFilterException e) {
            err.println("egress capture: " + e.getMessage());
            return USAGE;
        }
        Optional<Duration> duration = Optional.ofNullable(o.value("duration", null)).map(d -> CaptureDurations.parse("duration", d));
        Optional<Path> write = Optional.ofNullable(o.value("write", null)).map(Path::of);
        CaptureRequest request;
        try {
            request = CaptureRequest.of(interfaces).withFilter(filter);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String method = o.value("method", null);
        if (method != null) {
            request = request.withMethod(switch (o.choice("method", method, Set.of("direct", "dumpcap"))) {
                case "dumpcap" -> CaptureMethod.DUMPCAP;
                default -> CaptureMethod.DIRECT;
            });
        }
        return capture(live, request, duration, write, format, out, err);
    }

    /** --interface may repeat, which Options does not support: take those out first. */
    static List<String> withoutInterfaces(List<String> args, List<String> interfaces) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                rest.addAll(args.subList(i, args.size()));
                break;
            }
            if (a.equals("--interface")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--interface needs a value");
                }
                interfaces.add(args.get(++i));
            } else if (a.startsWith("--interface=")) {
                interfaces.add(a.substring("--interface=".length()));
            } else {
                rest.add(a);
            }
        }
        return rest;
    }

    private static int listInterfaces(LiveCaptures live, String format, PrintStream out, PrintStream err) {
        try {
            InterfaceListing.print(live.interfaces(), format, out);
            return OK;
        } catch (LiveCaptureException e) {
            err.println("egress capture: " + e.getMessage());
            return FAILURE;
        }
    }

    private int capture(LiveCaptures live, CaptureRequest request, Optional<Duration> duration, Optional<Path> write, String format,
            PrintStream out, PrintStream err) {
        Path spool = null;
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch printed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl+C: stop capturing, and let the flows be printed before the JVM exits
            interrupted.countDown();
            awaitQuietly(printed, SHUTDOWN_GRACE);
        }, "egress-capture-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (write.isPresent()) {
                spool = Files.createTempFile("egress-capture-", ".pcapng");
                request = request.withSpool(spool);
            }
            try (LiveSession session = LiveSession.start(live, request, sockets, LiveSession.DEFAULT_POLL)) {
                err.println("egress capture: capturing on " + String.join(", ", request.interfaces()) + " ("
                        + session.capture().method().id() + ")" + duration.map(d -> " for " + d.toMillis() / 1000.0 + " s").orElse("; Ctrl+C stops"));
                waitForEnd(session, duration, interrupted);
                session.stop();
                session.awaitSettled(LiveSession.DEFAULT_POLL.multipliedBy(4));
                List<String> warnings = session.capture().warnings();
                if (write.isPresent()) {
                    session.exportPcapng(write.get());
                }
                CaptureResult result = new CaptureResult(session.capture().method().id(), request.filter(), session.snapshot(),
                        session.statistics(), warnings);
                print(result, format, out);
                return reportEnds(result.statistics().capture(), err);
            }
        } catch (LiveCaptureException e) {
            err.println("egress capture: " + e.getMessage());
            return FAILURE;
        } catch (InvalidFilterException e) {
            err.println("egress capture: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("egress capture: " + write.map(Path::toString).orElse("spool") + ": cannot be written: " + e.getMessage());
            return FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("egress capture: interrupted");
            return FAILURE;
        } finally {
            printed.countDown();
            removeHook(hook);
            deleteQuietly(spool, err);
        }
    }

    private static void waitForEnd(LiveSession session, Optional<Duration> duration, CountDownLatch interrupted) throws InterruptedException {
        long deadline = duration.map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        while (System.nanoTime() < deadline) {
            long step = Math.min(TimeUnit.MILLISECONDS.toNanos(200), deadline - System.nanoTime());
            if (interrupted.await(Math.max(step, 0), TimeUnit.NANOSECONDS) || !session.capture().statistics().running()) {
                return;
            }
        }
    }

    private static void print(CaptureResult result, String format, PrintStream out) {
        switch (format) {
            case "json" -> CaptureJson.print(result, out);
            case "csv" -> CaptureCsv.print(result, out);
            default -> CaptureTable.print(result, out);
        }
    }

    /** Interfaces that ended on their own are named on stderr and make the exit status 1. */
    private static int reportEnds(CaptureStatistics s, PrintStream err) {
        int status = OK;
        for (InterfaceStatus i : s.interfaces()) {
            if (i.state() == InterfaceState.FAILED) {
                err.println("egress capture: " + i.name() + ": capture ended early: " + i.message());
                status = FAILURE;
            } else if (i.kernelDropped() > 0) {
                err.println("egress capture: " + i.name() + ": warning: the kernel dropped " + i.kernelDropped() + " packets ("
                        + i.state().name().toLowerCase(Locale.ROOT) + ")");
            }
        }
        return status;
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl+C): the hook is running and ends by itself
        }
    }

    private static void deleteQuietly(Path spool, PrintStream err) {
        if (spool == null) {
            return;
        }
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            err.println("egress capture: warning: temporary file " + spool + " could not be removed: " + e.getMessage());
        }
    }
}
