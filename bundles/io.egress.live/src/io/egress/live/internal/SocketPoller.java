package io.egress.live.internal;

import io.egress.attribution.SocketTableService;
import io.egress.capture.FlowList;
import io.egress.capture.live.NewFlow;
import io.egress.core.socket.Attribution;
import io.egress.core.socket.AttributionMethod;
import io.egress.core.socket.Confidence;
import io.egress.core.socket.Connection;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;
import io.egress.core.socket.SocketSnapshot;
import io.egress.live.FlowOwner;
import io.egress.live.OwnerState;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every interval, while some flow waits, takes one socket-table snapshot and matches the waiting
 * flows to it by exact tuple (UDP also to an unconnected socket bound to the port). A flow not
 * found for {@link #GIVE_UP_POLLS} intervals after its first packet is given up: unattributed,
 * never guessed.
 */
public final class SocketPoller implements Runnable {
    private static final System.Logger LOG = System.getLogger(SocketPoller.class.getName());
    static final int GIVE_UP_POLLS = 3;

    private final SocketTableService sockets;
    private final FlowOwners owners;
    private final Supplier<FlowList> flows;
    private final Duration interval;
    private final LocalAddresses local;
    private final DetailsWorker details;
    private final Object wakeUp = new Object();
    private volatile boolean stopped;

    private record Tuple(Protocol protocol, InetAddress local, int localPort, InetAddress remote, int remotePort) {
    }

    public SocketPoller(SocketTableService sockets, FlowOwners owners, Supplier<FlowList> flows, Duration interval, LocalAddresses local,
            DetailsWorker details) {
        this.details = details;
        this.local = local;
        this.sockets = sockets;
        this.owners = owners;
        this.flows = flows;
        this.interval = interval;
    }

    public void stop() {
        stopped = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            synchronized (wakeUp) {
                try {
                    wakeUp.wait(interval.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!stopped && !owners.waiting().isEmpty()) {
                try {
                    poll(Instant.now());
                } catch (UncheckedIOException e) {
                    LOG.log(Level.WARNING, "socket table snapshot failed: {0}", e.getMessage());
                }
            }
        }
    }

    /** One round: match what waits, give up on what waited too long. */
    public void poll(Instant now) {
        SocketSnapshot snapshot = sockets.snapshot();
        local.refresh();
        Map<Tuple, Connection> exact = new HashMap<>();
        Map<Integer, Connection> udpBound = new HashMap<>();
        for (Connection c : snapshot.connections()) {
            if (c.pid().isEmpty()) {
                continue;
            }
            SocketEntry s = c.socket();
            exact.putIfAbsent(new Tuple(s.protocol(), s.localAddress(), s.localPort(), s.remoteAddress(), s.remotePort()), c);
            if (s.protocol() == Protocol.UDP && !s.hasRemote()) {
                udpBound.putIfAbsent(s.localPort(), c);
            }
        }
        FlowList current = flows.get();
        for (FlowOwners.Waiting w : owners.waiting()) {
            NewFlow f = w.flow();
            Optional<Connection> match = match(f, exact, udpBound);
            Instant first = Instant.ofEpochSecond(0, f.timeNanos());
            if (match.isPresent()) {
                boolean active = f.flowIndex() < current.size()
                        && now.toEpochMilli() * 1_000_000L - current.get(f.flowIndex()).lastNanos() < interval.toNanos() * 2;
                Connection c = match.get();
                Attribution a = new Attribution(AttributionMethod.POLL, active ? Confidence.HIGH : Confidence.LOW, nonNegative(Duration.between(first,
                        snapshot.takenAt())), active ? "socket still carrying the flow" : "flow had gone quiet: the port may have been reused");
                owners.attributed(f.flowIndex(), new FlowOwner(OwnerState.ATTRIBUTED, Optional.of(c), a), false);
                details.add(f.flowIndex());
            } else if (Duration.between(first, now).compareTo(interval.multipliedBy(GIVE_UP_POLLS)) > 0) {
                owners.givenUp(f.flowIndex(), unattributed(w));
            }
        }
    }

    /** The same sides as the trigger: a local sender's socket, else the receiver's. */
    private Optional<Connection> match(NewFlow f, Map<Tuple, Connection> exact, Map<Integer, Connection> udpBound) {
        Protocol p = f.protocol() == 6 ? Protocol.TCP : Protocol.UDP;
        boolean senderLocal = local.isLocal(f.source());
        Connection c = null;
        if (senderLocal || !local.isLocal(f.destination())) {
            c = exact.get(new Tuple(p, f.source(), f.sourcePort(), f.destination(), f.destinationPort()));
            if (c == null && p == Protocol.UDP) {
                c = bound(udpBound, f.sourcePort(), f.source());
            }
        }
        if (c == null && !senderLocal) {
            c = exact.get(new Tuple(p, f.destination(), f.destinationPort(), f.source(), f.sourcePort()));
            if (c == null && p == Protocol.UDP) {
                c = bound(udpBound, f.destinationPort(), f.destination());
            }
        }
        return Optional.ofNullable(c);
    }

    private static Connection bound(Map<Integer, Connection> udpBound, int port, InetAddress address) {
        Connection c = udpBound.get(port);
        return c != null && localMatches(c.socket(), address) ? c : null;
    }

    private static boolean localMatches(SocketEntry s, InetAddress address) {
        return s.localAddress().isAnyLocalAddress() || s.localAddress().equals(address);
    }

    private static FlowOwner unattributed(FlowOwners.Waiting w) {
        if (w.partial().isPresent()) {
            Connection c = w.partial().get();
            Attribution found = c.attribution();
            return new FlowOwner(OwnerState.UNATTRIBUTED, w.partial(), new Attribution(found.method(), Confidence.NONE, found.delay(),
                    found.note().isEmpty() ? found.method().meaning() : found.note()));
        }
        return new FlowOwner(OwnerState.UNATTRIBUTED, Optional.empty(), new Attribution(AttributionMethod.NONE, Confidence.NONE, Duration.ZERO,
                "no socket had this flow's addresses and ports when it was looked up or polled"));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
