package io.egress.attribution.internal.netlink;

import io.egress.attribution.internal.SocketEntries;
import io.egress.attribution.internal.SocketListing;
import io.egress.attribution.internal.SocketLister;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists sockets through NETLINK_SOCK_DIAG over one netlink socket kept open for the life of the
 * lister: TCP of both families in one dump where the kernel allows it (else one per family), UDP
 * per family. Also answers exact 4-tuple lookups.
 * Thread-safe: requests are serialised on the one socket.
 */
public final class NetlinkSocketLister implements SocketLister, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(NetlinkSocketLister.class.getName());

    private record Table(int family, int protocolNumber, Protocol protocol) {
    }

    private static final List<Table> TABLES = List.of(
            new Table(DiagRequest.AF_INET, DiagRequest.IPPROTO_TCP, Protocol.TCP),
            new Table(DiagRequest.AF_INET6, DiagRequest.IPPROTO_TCP, Protocol.TCP),
            new Table(DiagRequest.AF_INET, DiagRequest.IPPROTO_UDP, Protocol.UDP),
            new Table(DiagRequest.AF_INET6, DiagRequest.IPPROTO_UDP, Protocol.UDP));
    private static final List<Table> UDP_TABLES = TABLES.subList(2, 4);

    private final NetlinkSocket socket;
    /** TCP of both families in one dump (see {@link DiagRequest#dumpTcpBothFamilies}) until the kernel refuses it. */
    private boolean bothFamiliesAtOnce = true;

    private NetlinkSocketLister(NetlinkSocket socket) {
        this.socket = socket;
    }

    /** A lister, or empty (with the reason logged) when sock_diag is not available here. */
    public static Optional<NetlinkSocketLister> open() {
        try {
            NetlinkSocket s = NetlinkSocket.open();
            NetlinkSocketLister lister = new NetlinkSocketLister(s);
            lister.list(); // proves the kernel answers before we rely on it
            return Optional.of(lister);
        } catch (NetlinkException | UncheckedIOException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            LOG.log(Level.INFO, "netlink sock_diag not available, falling back: " + e);
            return Optional.empty();
        }
    }

    @Override
    public String id() {
        return "netlink";
    }

    @Override
    public boolean reportsOwners() {
        return false;
    }

    @Override
    public synchronized SocketListing list() {
        List<SocketEntry> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int answered = 0;
        NetlinkException last = null;
        List<Table> tables = TABLES;
        if (bothFamiliesAtOnce) {
            try {
                for (DiagRecord r : socket.dumpTcpBothFamilies()) {
                    out.add(toEntry(r, Protocol.TCP));
                }
                answered += 2;
                tables = UDP_TABLES;
            } catch (NetlinkException e) {
                // a kernel without the compatibility request: one dump per family from now on
                bothFamiliesAtOnce = false;
                out.clear();
                LOG.log(Level.DEBUG, "TCPDIAG_GETSOCK refused, dumping TCP per family: " + e.getMessage());
            }
        }
        for (Table t : tables) {
            try {
                for (DiagRecord r : socket.dump(t.family(), t.protocolNumber())) {
                    out.add(toEntry(r, t.protocol()));
                }
                answered++;
            } catch (NetlinkException e) {
                // e.g. IPv6 disabled, or no UDP diag module: keep the other tables
                last = e;
                problems.add("sock_diag " + t.protocol().id() + (t.family() == DiagRequest.AF_INET ? "4" : "6")
                        + " failed: " + e.getMessage());
            }
        }
        if (answered == 0) {
            throw new UncheckedIOException("no sock_diag table could be read", last);
        }
        return new SocketListing(out, problems);
    }

    /**
     * The socket with exactly this tuple (local side first), or empty. An IPv4 tuple is also
     * looked for on dual-stack IPv6 sockets as {@code ::ffff:a.b.c.d}.
     *
     * @throws NetlinkException when the kernel fails the request for another reason than "none"
     */
    public synchronized Optional<SocketEntry> exact(Protocol protocol, InetAddress local, int localPort,
            InetAddress remote, int remotePort) throws NetlinkException {
        int proto = protocol == Protocol.TCP ? DiagRequest.IPPROTO_TCP : DiagRequest.IPPROTO_UDP;
        boolean v4 = local instanceof Inet4Address;
        Optional<SocketEntry> found = exactIn(v4 ? DiagRequest.AF_INET : DiagRequest.AF_INET6, proto, protocol,
                local, localPort, remote, remotePort);
        if (found.isEmpty() && v4) {
            found = exactIn(DiagRequest.AF_INET6, proto, protocol, local, localPort, remote, remotePort);
        }
        return found;
    }

    private Optional<SocketEntry> exactIn(int family, int proto, Protocol protocol, InetAddress local, int localPort,
            InetAddress remote, int remotePort) throws NetlinkException {
        int seq = socket.nextSequence();
        byte[] request = DiagRequest.exact(family, proto, local, localPort, remote, remotePort, seq,
                ByteOrder.nativeOrder());
        List<DiagRecord> records = socket.exact(request, seq);
        return records.isEmpty() ? Optional.empty() : Optional.of(toEntry(records.get(0), protocol));
    }

    static SocketEntry toEntry(DiagRecord r, Protocol protocol) {
        return SocketEntries.of(protocol, r.local(), r.localPort(), r.remote(), r.remotePort(), r.state(), r.uid(),
                r.inode());
    }

    @Override
    public synchronized void close() {
        socket.close();
    }
}
