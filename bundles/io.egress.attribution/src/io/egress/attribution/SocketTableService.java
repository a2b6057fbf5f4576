package io.egress.attribution;

import io.egress.attribution.internal.ConnectionBuilder;
import io.egress.attribution.internal.ProcessDetails;
import io.egress.attribution.internal.SocketLister;
import io.egress.attribution.internal.SocketListing;
import io.egress.attribution.internal.TriggeredLookup;
import io.egress.attribution.internal.TupleMatch;
import io.egress.attribution.internal.netlink.NetlinkSocketLister;
import io.egress.attribution.internal.oshi.OshiProcessReader;
import io.egress.attribution.internal.oshi.OshiSocketLister;
import io.egress.attribution.internal.oshi.OshiSystem;
import io.egress.attribution.internal.proc.InodeOwnerIndex;
import io.egress.attribution.internal.proc.InodeOwners;
import io.egress.attribution.internal.proc.ProcFs;
import io.egress.attribution.internal.proc.ProcProcessReader;
import io.egress.attribution.internal.proc.ProcSocketLister;
import io.egress.attribution.internal.proc.RealProcFs;
import io.egress.core.process.ProcessInfo;
import io.egress.core.process.ProcessKey;
import io.egress.core.progress.Progress;
import io.egress.core.socket.Attribution;
import io.egress.core.socket.AttributionMethod;
import io.egress.core.socket.Connection;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.ScanCounters;
import io.egress.core.socket.SocketEntry;
import io.egress.core.socket.SocketSnapshot;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The machine's socket table with the process owning each socket. A plain object (no global
 * state): create one per consumer, or wrap one as an OSGi service. Thread-safe; snapshots are
 * serialised internally because the fd index they maintain is shared.
 */
public final class SocketTableService implements SocketTable, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SocketTableService.class.getName());

    private final SocketTableOptions options;
    private final SocketLister lister;
    private final Optional<InodeOwnerIndex> index;
    private final ProcessDetails details;
    private final ProcFs fs;
    private final Optional<TriggeredLookup> triggered;

    /** This machine with {@link SocketTableOptions#defaults()}. */
    public SocketTableService() {
        this(SocketTableOptions.defaults());
    }

    public SocketTableService(SocketTableOptions options) {
        this(options, new RealProcFs(options.procRoot()));
    }

    /** For tests: reads the proc tree through the given file-system hook. */
    SocketTableService(SocketTableOptions options, ProcFs fs) {
        this.options = options;
        this.fs = fs;
        OshiSystem oshi = new OshiSystem();
        boolean linux = Files.isReadable(options.procRoot().resolve("net/tcp"))
                || Files.isReadable(options.procRoot().resolve("net/tcp6"));
        boolean useOshi = options.isSystemProc();
        this.lister = chooseLister(options, fs, oshi, linux);
        this.index = lister.reportsOwners() ? Optional.empty()
                : Optional.of(new InodeOwnerIndex(fs, options.fullPassEvery()));
        Optional<ProcProcessReader> procReader = linux ? Optional.of(new ProcProcessReader(fs)) : Optional.empty();
        Optional<OshiProcessReader> oshiReader = useOshi ? Optional.of(new OshiProcessReader(oshi)) : Optional.empty();
        this.details = new ProcessDetails(procReader, oshiReader, options.processDetails());
        this.triggered = index.map(i -> new TriggeredLookup(lister, i, details, fs));
        LOG.log(Level.DEBUG, "socket table from {0} under {1}", lister.id(), options.procRoot());
    }

    private static SocketLister chooseLister(SocketTableOptions options, ProcFs fs, OshiSystem oshi, boolean linux) {
        return switch (options.listing()) {
            case OSHI -> new OshiSocketLister(oshi);
            case PROC -> linux ? new ProcSocketLister(fs) : new OshiSocketLister(oshi);
            case NETLINK, AUTO -> {
                if (!linux) {
                    yield new OshiSocketLister(oshi);
                }
                // netlink talks to this machine's kernel, so never for a fixture proc root
                Optional<NetlinkSocketLister> netlink = options.isSystemProc() ? NetlinkSocketLister.open() : Optional.empty();
                yield netlink.<SocketLister>map(n -> n).orElseGet(() -> new ProcSocketLister(fs));
            }
        };
    }

    /** The options this service was made with. */
    public SocketTableOptions options() {
        return options;
    }

    /** Which source lists the sockets: "proc", "netlink" or "oshi". */
    public String source() {
        return lister.id();
    }

    /** A snapshot without progress reporting. */
    public SocketSnapshot snapshot() {
        return snapshot(Progress.NONE);
    }

    /**
     * Lists every TCP and UDP socket with its owner. Processes that exit or cannot be read are
     * skipped and counted, never fatal; a cancelled snapshot holds what was found so far.
     *
     * @throws UncheckedIOException only when no socket table can be read at all
     */
    @Override
    public synchronized SocketSnapshot snapshot(Progress progress) {
        Instant takenAt = Instant.now();
        long start = System.nanoTime();
        SocketListing listing = lister.list();
        List<String> problems = new ArrayList<>(listing.problems());
        List<Connection> rows = new ArrayList<>(listing.sockets().size());
        ScanCounters counters;
        ConnectionBuilder builder = new ConnectionBuilder(details);
        if (index.isPresent()) {
            InodeOwnerIndex idx = index.get();
            long ownNs = idx.ownNetNamespace();
            InodeOwners owners = idx.refresh(inodesOf(listing.sockets()), progress);
            AttributionMethod method = "netlink".equals(lister.id()) ? AttributionMethod.NETLINK : AttributionMethod.PROC_FD;
            for (SocketEntry s : listing.sockets()) {
                rows.add(builder.fromIndex(ownNs == 0 ? s : s.withNetNamespace(ownNs), owners, method, Duration.ZERO));
            }
            int vanished = owners.processesVanished();
            int scanned = owners.processesScanned();
            for (Map.Entry<Long, Long> other : idx.pidPerNetNamespace().entrySet()) {
                if (ownNs == 0 || other.getKey() == ownNs || progress.isCanceled()) {
                    continue;
                }
                addNamespace(other.getKey(), other.getValue(), idx, builder, rows, problems, progress);
            }
            counters = counters(rows, scanned, vanished, owners.fdDirsUnreadable());
        } else {
            for (SocketEntry s : listing.sockets()) {
                rows.add(builder.fromReportedOwner(s));
            }
            counters = counters(rows, 0, 0, 0);
        }
        if (progress.isCanceled()) {
            problems.add("cancelled: owners may be missing");
        }
        forgetUnusedProcesses(rows);
        return new SocketSnapshot(takenAt, Duration.ofNanos(System.nanoTime() - start), lister.id(), rows, counters,
                problems);
    }

    /**
     * Sockets of another network namespace (a container), read through a process inside it
     * ({@code /proc/PID/net/*}) and labelled with it; their owners come from the same inode index,
     * inodes being unique across namespaces.
     */
    private void addNamespace(long ns, long viaPid, InodeOwnerIndex idx, ConnectionBuilder builder, List<Connection> rows,
            List<String> problems, Progress progress) {
        SocketListing theirs;
        try {
            theirs = new ProcSocketLister(fs, viaPid + "/").list();
        } catch (UncheckedIOException e) {
            problems.add("network namespace " + Long.toUnsignedString(ns) + " not readable through pid " + viaPid + ": "
                    + e.getMessage());
            return;
        }
        InodeOwners owners = idx.refresh(inodesOf(theirs.sockets()), progress, false);
        for (SocketEntry s : theirs.sockets()) {
            rows.add(builder.fromIndex(s.withNetNamespace(ns), owners, AttributionMethod.PROC_FD, Duration.ZERO));
        }
    }

    private static Set<Long> inodesOf(List<SocketEntry> sockets) {
        Set<Long> inodes = new HashSet<>();
        for (SocketEntry s : sockets) {
            inodes.add(s.inode());
        }
        return inodes;
    }

    /**
     * Finds the owner of one socket now, by its exact 4-tuple: call it when the first packet of a
     * new flow is seen, before a short connection closes (about 1 ms with netlink). "Local" is this
     * machine's side; for a flow of unknown direction try both orientations. IPv4 tuples also find
     * dual-stack IPv6 sockets ({@code ::ffff:a.b.c.d}). For TCP without a matching connection, the
     * listener that will accept it is named (confidence HIGH, with a note). Sockets of other network
     * namespaces are found too and labelled with theirs.
     *
     * @param seenAt when the triggering packet was seen; {@link Attribution#delay()} is measured from it
     * @return the connection with method TRIGGER, or empty when no socket has this tuple (never a guess)
     */
    @Override
    public Optional<Connection> lookup(Protocol protocol, InetAddress localAddress, int localPort,
            InetAddress remoteAddress, int remotePort, Instant seenAt) {
        if (triggered.isPresent()) {
            return triggered.get().lookup(protocol, localAddress, localPort, remoteAddress, remotePort, seenAt);
        }
        // OSHI: the portable list carries owners, but must be listed whole
        return TupleMatch.find(lister.list().sockets(), protocol, localAddress, localPort, remoteAddress, remotePort)
                .map(s -> {
                    Connection c = new ConnectionBuilder(details).fromReportedOwner(s);
                    Attribution a = c.attribution();
                    Duration delay = Duration.between(seenAt, Instant.now());
                    return new Connection(c.socket(), c.process(), new Attribution(
                            a.method().foundOwner() ? AttributionMethod.TRIGGER : a.method(), a.confidence(),
                            delay.isNegative() ? Duration.ZERO : delay, a.note().isEmpty() ? "OSHI connection list" : a.note()));
                });
    }

    /** Details of one process, cached by (pid, start time); empty when it is gone. */
    @Override
    public Optional<ProcessInfo> process(long pid) {
        return details.get(pid);
    }

    @Override
    public void close() {
        details.retainOnly(List.of());
        if (lister instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing the socket lister failed", e);
            }
        }
    }

    private void forgetUnusedProcesses(List<Connection> rows) {
        List<ProcessKey> used = new ArrayList<>();
        for (Connection c : rows) {
            c.process().ifPresent(p -> used.add(p.key()));
        }
        details.retainOnly(used);
    }

    private static ScanCounters counters(List<Connection> rows, int scanned, int vanished, int unreadable) {
        int unowned = 0;
        for (Connection c : rows) {
            if (!c.attribution().method().foundOwner()) {
                unowned++;
            }
        }
        return new ScanCounters(scanned, vanished, unreadable, rows.size(), unowned);
    }
}
