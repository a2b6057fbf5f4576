package io.egress.attribution.internal;

import io.egress.attribution.internal.netlink.NetlinkException;
import io.egress.attribution.internal.netlink.NetlinkSocketLister;
import io.egress.attribution.internal.proc.InodeOwnerIndex;
import io.egress.attribution.internal.proc.InodeOwners;
import io.egress.attribution.internal.proc.ProcFs;
import io.egress.attribution.internal.proc.ProcProcessReader;
import io.egress.attribution.internal.proc.ProcSocketLister;
import io.egress.core.process.ProcessInfo;
import io.egress.core.progress.Progress;
import io.egress.core.socket.Attribution;
import io.egress.core.socket.AttributionMethod;
import io.egress.core.socket.Confidence;
import io.egress.core.socket.Connection;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;
import io.egress.core.socket.SocketState;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up the owner of one socket by its exact 4-tuple, at the moment the first packet of a flow
 * is seen, so that connections living a few milliseconds are still attributed. Order: the exact
 * socket in this network namespace (one sock_diag request when netlink is available, else the
 * listed table); for TCP, the listener that will accept it (only for a local address of this
 * namespace); then the tables of other namespaces. Nothing found gives empty: never a guess.
 */
public final class TriggeredLookup {
    private static final System.Logger LOG = System.getLogger(TriggeredLookup.class.getName());

    private final SocketLister lister;
    private final InodeOwnerIndex index;
    private final ProcessDetails details;
    private final ProcFs fs;
    private static final int UID_UNREAD = Integer.MIN_VALUE;
    private volatile int ownUid = UID_UNREAD;

    public TriggeredLookup(SocketLister lister, InodeOwnerIndex index, ProcessDetails details, ProcFs fs) {
        this.lister = lister;
        this.index = index;
        this.details = details;
        this.fs = fs;
    }

    public Optional<Connection> lookup(Protocol protocol, InetAddress local, int localPort, InetAddress remote,
            int remotePort, Instant seenAt) {
        long ownNs = index.ownNetNamespace();
        Optional<SocketEntry> socket = inOwnNamespace(protocol, local, localPort, remote, remotePort);
        String note = "";
        // a connection not yet accept()ed has no file (inode 0) and a half-open one no socket yet:
        // the process holding the listener is the one that will get it
        boolean unaccepted = socket.isEmpty() || (socket.get().inode() == 0 && socket.get().state() != SocketState.TIME_WAIT);
        if (unaccepted && protocol == Protocol.TCP && isOwnAddress(local)) {
            Optional<SocketEntry> listener = listenerInOwnNamespace(local, localPort);
            if (listener.isPresent()) {
                socket = listener;
                note = "owner of the listening socket (connection not yet accepted)";
            }
        }
        if (socket.isPresent()) {
            SocketEntry s = ownNs == 0 ? socket.get() : socket.get().withNetNamespace(ownNs);
            return Optional.of(attribute(s, seenAt, note));
        }
        for (Map.Entry<Long, Long> other : index.pidPerNetNamespace().entrySet()) {
            if (ownNs == 0 || other.getKey() == ownNs) {
                continue;
            }
            Optional<SocketEntry> theirs = inNamespaceOf(other.getValue(), protocol, local, localPort, remote, remotePort);
            if (theirs.isPresent()) {
                return Optional.of(attribute(theirs.get().withNetNamespace(other.getKey()), seenAt, ""));
            }
        }
        return Optional.empty();
    }

    private Connection attribute(SocketEntry socket, Instant seenAt, String note) {
        InodeOwners owners;
        if (socket.inode() == 0) {
            owners = new InodeOwners(Map.of(), 0, 0, 0);
        } else if (probablyHidden(socket)) {
            owners = index.locateAmongNew(socket.inode(), Progress.NONE);
        } else {
            owners = index.locate(socket.inode(), Progress.NONE);
        }
        Duration delay = Duration.between(seenAt, Instant.now());
        Connection c = new ConnectionBuilder(details).fromIndex(socket, owners, AttributionMethod.TRIGGER, delay.isNegative() ? Duration.ZERO : delay);
        if (c.attribution().method() == AttributionMethod.NONE_NOT_VISIBLE && socket.inode() != 0 && closedSince(socket)) {
            // not hidden by privileges: the connection was over before its holder was read
            return new Connection(c.socket(), Optional.empty(), new Attribution(AttributionMethod.NONE_NO_PROCESS, Confidence.NONE,
                    c.attribution().delay(), "the connection closed before its owner could be read ("
                            + c.attribution().delay().toMillis() + " ms after its first packet)"));
        }
        if (note.isEmpty() || !c.attribution().method().foundOwner()) {
            return c;
        }
        Attribution a = c.attribution();
        String joined = a.note().isEmpty() ? note : a.note() + "; " + note;
        return new Connection(c.socket(), c.process(), new Attribution(a.method(), Confidence.HIGH, a.delay(), joined));
    }

    /**
     * Whether the socket found first is gone now (no socket with its tuple, another inode, or
     * TIME_WAIT): then nobody holds it any more and "not visible" would blame privileges wrongly.
     * Sockets of other network namespaces are not asked again (false).
     */
    private boolean closedSince(SocketEntry socket) {
        if (socket.netNamespace().isPresent() && socket.netNamespace().getAsLong() != index.ownNetNamespace()) {
            return false;
        }
        Optional<SocketEntry> now = inOwnNamespace(socket.protocol(), socket.localAddress(), socket.localPort(),
                socket.remoteAddress(), socket.remotePort());
        return now.isEmpty() || now.get().inode() != socket.inode() || now.get().state() == SocketState.TIME_WAIT;
    }

    /**
     * True when some processes are unreadable and the socket belongs to another user than us
     * (and we are not root): its holder is then almost surely one of the unreadable ones.
     */
    private boolean probablyHidden(SocketEntry socket) {
        int me = ownUid();
        return index.unreadableProcesses() > 0 && me != 0 && me != ProcessInfo.UNKNOWN && socket.uid() != me;
    }

    private int ownUid() {
        int uid = ownUid;
        if (uid == UID_UNREAD) {
            uid = new ProcProcessReader(fs).uid("self");
            ownUid = uid;
        }
        return uid;
    }

    private Optional<SocketEntry> inOwnNamespace(Protocol protocol, InetAddress local, int localPort, InetAddress remote,
            int remotePort) {
        if (lister instanceof NetlinkSocketLister netlink) {
            try {
                Optional<SocketEntry> found = netlink.exact(protocol, local, localPort, remote, remotePort);
                if (found.isPresent() && found.get().state() == SocketState.TIME_WAIT) {
                    // Linux reuses a TIME_WAIT tuple for a new connection (tcp_tw_reuse, on for loopback)
                    // and the kernel's lookup may answer with the old, ownerless one: look for the new one
                    Optional<SocketEntry> live = TupleMatch.find(lister.list().sockets(), protocol, local, localPort, remote, remotePort);
                    return live.isPresent() && live.get().state() != SocketState.TIME_WAIT ? live : found;
                }
                if (found.isPresent() || protocol == Protocol.TCP) {
                    return found;
                }
            } catch (NetlinkException e) {
                LOG.log(Level.DEBUG, "exact sock_diag lookup failed, searching the listed table", e);
            }
        }
        return TupleMatch.find(lister.list().sockets(), protocol, local, localPort, remote, remotePort);
    }

    private Optional<SocketEntry> listenerInOwnNamespace(InetAddress local, int localPort) {
        if (lister instanceof NetlinkSocketLister netlink) {
            try {
                // the kernel's own listener lookup, wildcard binds included
                return netlink.exact(Protocol.TCP, local, localPort, unspecifiedLike(local), 0)
                        .filter(s -> s.state().isListening());
            } catch (NetlinkException e) {
                LOG.log(Level.DEBUG, "listener sock_diag lookup failed, searching the listed table", e);
            }
        }
        return TupleMatch.listener(lister.list().sockets(), local, localPort);
    }

    private Optional<SocketEntry> inNamespaceOf(long pid, Protocol protocol, InetAddress local, int localPort,
            InetAddress remote, int remotePort) {
        try {
            return TupleMatch.find(new ProcSocketLister(fs, pid + "/").list().sockets(), protocol, local, localPort,
                    remote, remotePort);
        } catch (UncheckedIOException e) {
            LOG.log(Level.DEBUG, "cannot read the tables of the namespace of pid " + pid, e);
            return Optional.empty();
        }
    }

    /**
     * True when the address belongs to this namespace, so that a listener here really is the one
     * a packet to it reaches (a container's traffic seen on a bridge must not go to a host listener).
     */
    private static boolean isOwnAddress(InetAddress local) {
        if (local.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(local) != null;
        } catch (SocketException e) {
            LOG.log(Level.DEBUG, "cannot check whether " + local + " is local", e);
            return false;
        }
    }

    private static InetAddress unspecifiedLike(InetAddress like) {
        return SocketEntries.inet(new byte[like.getAddress().length]);
    }
}
