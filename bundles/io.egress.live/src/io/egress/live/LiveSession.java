package io.egress.live;

import io.egress.attribution.SocketTableOptions;
import io.egress.attribution.SocketTableService;
import io.egress.capture.FlowList;
import io.egress.capture.live.CaptureRequest;
import io.egress.capture.live.InvalidFilterException;
import io.egress.capture.live.LiveCapture;
import io.egress.capture.live.LiveCaptureException;
import io.egress.capture.live.LiveCaptures;
import io.egress.capture.live.NewFlow;
import io.egress.live.internal.DelayRecorder;
import io.egress.live.internal.DetailsWorker;
import io.egress.live.internal.FlowOwners;
import io.egress.live.internal.LocalAddresses;
import io.egress.live.internal.SocketPoller;
import io.egress.live.internal.TriggerWorker;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A live capture whose flows are tied to their processes: the one place where flows and sockets
 * meet. When the capture sees the first packet of a new flow, the owning socket is looked up at
 * once on a worker thread (method TRIGGER, a millisecond or two, before a short connection can
 * close); process details follow on another thread; flows the trigger missed are matched by a
 * socket-table snapshot every poll interval (POLL) or, after three intervals, given up (NONE,
 * never guessed).
 * <p>
 * Owns three socket-table services (closed by {@link #close()}), so that none waits for another:
 * one for the lookups (pid only, which no snapshot may delay), one for polling (pid only: cheap
 * snapshots) and one that reads process details for the pids found.
 * Thread-safe.
 */
public final class LiveSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LiveSession.class.getName());
    /** Default poll interval: cheap with the incremental socket table, fast enough for the rest. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    private static final int QUEUE_CAPACITY = 8192;

    private final FlowOwners owners = new FlowOwners();
    private final DelayRecorder delays = new DelayRecorder();
    private final DelayRecorder captureLag = new DelayRecorder();
    private final SocketTableService lookups;
    private final SocketTableService polls;
    private final SocketTableService details;
    private final TriggerWorker trigger;
    private final DetailsWorker detailer;
    private final SocketPoller poller;
    private final AtomicReference<LiveCapture> capture = new AtomicReference<>();
    private final Thread[] threads;

    private LiveSession(SocketTableOptions options, Duration pollInterval) {
        lookups = new SocketTableService(options.withProcessDetails(false));
        polls = new SocketTableService(options.withProcessDetails(false));
        details = new SocketTableService(options);
        LocalAddresses local = new LocalAddresses();
        detailer = new DetailsWorker(details, owners);
        trigger = new TriggerWorker(QUEUE_CAPACITY, lookups, owners, delays, local, detailer);
        poller = new SocketPoller(polls, owners, this::flows, pollInterval, local, detailer);
        threads = new Thread[] {daemon(trigger, "egress-live-trigger"), daemon(detailer, "egress-live-details"),
            daemon(poller, "egress-live-poll")};
    }

    /** Starts a capture attributing with this machine's socket table, polling every second. */
    public static LiveSession start(CaptureRequest request) throws LiveCaptureException, InvalidFilterException {
        return start(new LiveCaptures(), request, SocketTableOptions.defaults(), DEFAULT_POLL);
    }

    /**
     * Starts capturing and attributing.
     *
     * @param options      socket-table options (process details are switched off for lookups)
     * @param pollInterval how often flows the trigger missed are matched against a snapshot
     */
    public static LiveSession start(LiveCaptures captures, CaptureRequest request, SocketTableOptions options, Duration pollInterval)
            throws LiveCaptureException, InvalidFilterException {
        LiveSession session = new LiveSession(options, pollInterval);
        try {
            // The first snapshots build the socket owner indexes and load process details (0.1-0.5 s
            // here); done now, they do not make the first flows' lookups late.
            session.lookups.snapshot();
            session.polls.snapshot();
            session.details.snapshot();
            for (Thread t : session.threads) {
                t.start();
            }
            session.capture.set(captures.start(request, session::newFlow));
        } catch (LiveCaptureException | InvalidFilterException | RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** On the capture thread: register and queue, nothing slower. */
    private void newFlow(NewFlow flow) {
        Instant now = Instant.now();
        captureLag.record(Duration.ofSeconds(now.getEpochSecond() - flow.timeNanos() / 1_000_000_000L,
                now.getNano() - flow.timeNanos() % 1_000_000_000L));
        owners.created(flow);
        if (flow.hasSocket()) {
            trigger.offer(flow);
        }
    }

    private FlowList flows() {
        return capture.get().flows();
    }

    /** The capture itself: statistics per interface, stop, pcapng export without comments. */
    public LiveCapture capture() {
        return capture.get();
    }

    /** Flows and owners as they are now. */
    public LiveSnapshot snapshot() {
        FlowList flows = flows();
        return LiveSnapshot.of(flows, owners.firstN(flows.size()));
    }

    public LiveStatistics statistics() {
        return new LiveStatistics(capture.get().statistics(), owners.socketFlows(), owners.byTrigger(), owners.byPoll(), owners.unattributed(),
                owners.pending(), trigger.overflows(), delays.median(), delays.max(), captureLag.median(), trigger.costs().median());
    }

    /** Stops capturing; lookups already queued still complete, and polling goes on until {@link #close()}. */
    public void stop() {
        capture.get().stop();
    }

    /**
     * Waits until the capture has stopped and every flow is settled (attributed or given up) with
     * its process details read, at most {@code timeout}; polling settles the last flows within
     * three poll intervals of their first packet.
     */
    public boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!capture.get().awaitStopped(timeout)) {
            return false;
        }
        while ((owners.pending() > 0 || !detailer.idle()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return owners.pending() == 0;
    }

    /**
     * Writes the captured packets (the request needs a spool file) with each packet's owning
     * process as its pcapng comment ({@link FlowOwner#comment()}). Call after stopping.
     */
    public void exportPcapng(Path target) throws IOException {
        capture.get().exportPcapng(target, key -> owners.owner(key).comment());
    }

    /** Stops capture and workers and closes the socket tables; the flows stay readable. */
    @Override
    public void close() {
        LiveCapture c = capture.get();
        if (c != null) {
            c.close();
        }
        trigger.stop();
        detailer.stop();
        poller.stop();
        try {
            for (Thread t : threads) {
                if (t.isAlive()) {
                    t.join(2000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.DEBUG, "interrupted while closing the live session");
        }
        lookups.close();
        polls.close();
        details.close();
    }
}
