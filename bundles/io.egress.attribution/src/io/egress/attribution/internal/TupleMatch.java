package io.egress.attribution.internal;

import io.egress.core.net.IpAddresses;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;
import io.egress.core.socket.SocketState;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the socket for a 4-tuple in a listed table, the way the kernel would deliver to it: an
 * exact connected match first; for UDP then an unconnected socket bound to the port (on that
 * address or the wildcard). IPv4-mapped and plain IPv4 addresses compare equal.
 */
public final class TupleMatch {
    private TupleMatch() {
    }

    /** The connected socket with exactly this tuple, or for UDP the unconnected receiver. */
    public static Optional<SocketEntry> find(List<SocketEntry> rows, Protocol protocol, InetAddress local, int localPort,
            InetAddress remote, int remotePort) {
        Optional<SocketEntry> exact = rows.stream()
                .filter(s -> s.protocol() == protocol && s.localPort() == localPort && s.remotePort() == remotePort
                        && same(s.localAddress(), local) && same(s.remoteAddress(), remote))
                // a reused tuple lists the old TIME_WAIT socket beside the new one: the new one is meant
                .min(java.util.Comparator.comparing((SocketEntry s) -> s.state() == SocketState.TIME_WAIT));
        if (exact.isPresent() || protocol == Protocol.TCP) {
            return exact;
        }
        return receiver(rows, Protocol.UDP, SocketState.UNCONNECTED, local, localPort);
    }

    /** The TCP listener that would accept a connection to this local endpoint. */
    public static Optional<SocketEntry> listener(List<SocketEntry> rows, InetAddress local, int localPort) {
        return receiver(rows, Protocol.TCP, SocketState.LISTEN, local, localPort);
    }

    private static Optional<SocketEntry> receiver(List<SocketEntry> rows, Protocol protocol, SocketState state,
            InetAddress local, int localPort) {
        Optional<SocketEntry> bound = rows.stream()
                .filter(s -> s.protocol() == protocol && s.state() == state && s.localPort() == localPort
                        && same(s.localAddress(), local))
                .findFirst();
        if (bound.isPresent()) {
            return bound;
        }
        boolean v4 = IpAddresses.unmapV4(local.getAddress()).length == 4;
        return rows.stream()
                .filter(s -> s.protocol() == protocol && s.state() == state && s.localPort() == localPort
                        && s.localAddress().isAnyLocalAddress()
                        // an IPv6 wildcard socket also receives IPv4 (dual-stack); an IPv4 one never receives IPv6
                        && (v4 || s.localAddress().getAddress().length == 16))
                .findFirst();
    }

    /** Address equality with IPv4-mapped IPv6 folded to IPv4. */
    public static boolean same(InetAddress a, InetAddress b) {
        return Arrays.equals(IpAddresses.unmapV4(a.getAddress()), IpAddresses.unmapV4(b.getAddress()));
    }
}
