package io.egress.core.socket;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One row of the kernel's socket table. Immutable.
 *
 * <p>Addresses are {@link InetAddress} values built from raw bytes (never resolved). An IPv6
 * socket's IPv4-mapped address {@code ::ffff:a.b.c.d} is reported as the IPv4 address, with
 * {@link #family()} {@code IPV4} and {@link #mappedFromIpv6()} true, so it matches IPv4 flows.
 *
 * @param protocol         TCP or UDP
 * @param family           family of the addresses as reported
 * @param mappedFromIpv6   true when the kernel socket is IPv6 but its addresses are IPv4-mapped
 * @param localAddress     local address (the unspecified address for a wildcard bind)
 * @param localPort        local port, 0-65535
 * @param remoteAddress    remote address (unspecified when there is no peer)
 * @param remotePort       remote port, 0 when there is no peer
 * @param state            TCP state, or UDP connected/unconnected
 * @param uid              owning user id as the kernel records it, or -1 when unknown
 * @param inode            socket inode, an <em>unsigned</em> 64-bit number stored in a long: compare
 *                         with ==, print with {@link #inodeText()}; 0 when the socket has none
 *                         (e.g. TIME_WAIT) or the source does not report it
 * @param ownerPid         the pid holding this socket, empty when none was found
 * @param netNamespace     inode of the network namespace the socket lives in ({@code /proc/PID/ns/net}),
 *                         empty when not known
 */
public record SocketEntry(Protocol protocol, IpFamily family, boolean mappedFromIpv6,
        InetAddress localAddress, int localPort, InetAddress remoteAddress, int remotePort,
        SocketState state, int uid, long inode, OptionalLong ownerPid, OptionalLong netNamespace) {

    public SocketEntry {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(ownerPid, "ownerPid");
        Objects.requireNonNull(netNamespace, "netNamespace");
        if (localPort < 0 || localPort > 0xffff || remotePort < 0 || remotePort > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + localPort + ", " + remotePort);
        }
        if ((localAddress instanceof Inet4Address) != (family == IpFamily.IPV4)) {
            throw new IllegalArgumentException("family " + family + " does not match " + localAddress);
        }
    }

    /** The inode as an unsigned decimal number, as {@code ls -l /proc/PID/fd} shows it. */
    public String inodeText() {
        return Long.toUnsignedString(inode);
    }

    /** True when a remote peer is set (a TCP connection or a connected UDP socket). */
    public boolean hasRemote() {
        return remotePort != 0 || !remoteAddress.isAnyLocalAddress();
    }

    /** A copy owned by the given pid. */
    public SocketEntry withOwner(long pid) {
        return new SocketEntry(protocol, family, mappedFromIpv6, localAddress, localPort, remoteAddress,
                remotePort, state, uid, inode, OptionalLong.of(pid), netNamespace);
    }

    /** A copy labelled with a network namespace. */
    public SocketEntry withNetNamespace(long namespaceInode) {
        return new SocketEntry(protocol, family, mappedFromIpv6, localAddress, localPort, remoteAddress,
                remotePort, state, uid, inode, ownerPid, OptionalLong.of(namespaceInode));
    }
}
