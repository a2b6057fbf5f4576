package io.egress.live.internal;

import io.egress.attribution.SocketTableService;
import io.egress.capture.live.NewFlow;
import io.egress.core.socket.Attribution;
import io.egress.core.socket.AttributionMethod;
import io.egress.core.socket.Connection;
import io.egress.core.socket.Protocol;
import io.egress.live.FlowOwner;
import io.egress.live.OwnerState;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Looks up the owner of each new flow the moment it is reported, off the capture thread: the
 * capture thread only offers to a bounded queue (never waits); a full queue skips the lookup
 * and leaves the flow to the poller.
 */
public final class TriggerWorker implements Runnable {
    private static final System.Logger LOG = System.getLogger(TriggerWorker.class.getName());

    private final BlockingQueue<NewFlow> queue;
    private final SocketTableService sockets;
    private final FlowOwners owners;
    private final DelayRecorder delays;
    private final DelayRecorder costs = new DelayRecorder();
    private final boolean oshi;
    private final LocalAddresses local;
    private final DetailsWorker details;
    private final LongAdder overflows = new LongAdder();
    private volatile boolean stopped;

    /**
     * @param sockets a service without process details (pid only: the fastest lookups), used by nobody
     *                else, so that no snapshot makes a lookup wait
     * @param details adds the process details afterwards
     */
    public TriggerWorker(int capacity, SocketTableService sockets, FlowOwners owners, DelayRecorder delays, LocalAddresses local,
            DetailsWorker details) {
        this.details = details;
        this.local = local;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sockets = sockets;
        this.owners = owners;
        this.delays = delays;
        this.oshi = "oshi".equals(sockets.source());
    }

    /** Called on the capture thread; returns at once. */
    public void offer(NewFlow flow) {
        if (!queue.offer(flow)) {
            overflows.increment();
            owners.waitForPoll(flow, Optional.empty());
        }
    }

    /** How long the lookups of one flow take (both orientations when the first misses). */
    public DelayRecorder costs() {
        return costs;
    }

    public long overflows() {
        return overflows.sum();
    }

    public void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        while (!stopped || !queue.isEmpty()) {
            NewFlow flow;
            try {
                flow = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (flow != null) {
                long start = System.nanoTime();
                try {
                    lookUp(flow);
                    costs.record(java.time.Duration.ofNanos(System.nanoTime() - start));
                } catch (RuntimeException e) {
                    // one failed lookup must not end attribution; the flow goes to the poller
                    LOG.log(Level.WARNING, "triggered lookup of " + flow.key() + " failed", e);
                    owners.waitForPoll(flow, Optional.empty());
                }
            }
        }
    }

    void lookUp(NewFlow flow) {
        Protocol protocol = flow.protocol() == 6 ? Protocol.TCP : Protocol.UDP;
        Instant seen = Instant.ofEpochSecond(0, flow.timeNanos());
        boolean senderLocal = local.isLocal(flow.source());
        Optional<Connection> sender = Optional.empty();
        if (senderLocal || !local.isLocal(flow.destination())) {
            // a local sender owns the flow (for TCP it sent the SYN); on loopback the receiver is
            // only the listener, so it is never asked in the sender's place
            sender = sockets.lookup(protocol, flow.source(), flow.sourcePort(), flow.destination(), flow.destinationPort(), seen);
            if (owned(sender)) {
                settle(flow, sender.get(), "");
                return;
            }
        }
        if (!senderLocal) {
            // incoming (or neither end is ours, e.g. a container's): the receiving socket owns it
            Optional<Connection> receiver = sockets.lookup(protocol, flow.destination(), flow.destinationPort(), flow.source(),
                    flow.sourcePort(), seen);
            if (owned(receiver)) {
                settle(flow, receiver.get(), "receiving end");
                return;
            }
            if (sender.isEmpty()) {
                sender = receiver;
            }
        }
        owners.waitForPoll(flow, sender);
    }

    private static boolean owned(Optional<Connection> c) {
        return c.isPresent() && c.get().pid().isPresent();
    }

    private void settle(NewFlow flow, Connection c, String side) {
        Attribution found = c.attribution();
        String note = side.isEmpty() ? found.note() : found.note().isEmpty() ? side : side + "; " + found.note();
        Attribution a = new Attribution(oshi ? AttributionMethod.OSHI : AttributionMethod.TRIGGER, found.confidence(), found.delay(), note);
        delays.record(found.delay());
        owners.attributed(flow.flowIndex(), new FlowOwner(OwnerState.ATTRIBUTED, Optional.of(c), a), true);
        details.add(flow.flowIndex());
    }
}
