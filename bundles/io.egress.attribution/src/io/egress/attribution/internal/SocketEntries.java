package io.egress.attribution.internal;

import io.egress.core.net.IpAddresses;
import io.egress.core.socket.IpFamily;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;
import io.egress.core.socket.SocketState;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.OptionalLong;

/** Builds {@link SocketEntry} rows from raw kernel values, the same way for every source. */
public final class SocketEntries {
    private SocketEntries() {
    }

    /**
     * A row without owner. An IPv6 socket whose local address is IPv4-mapped is reported as IPv4
     * (its remote too, or 0.0.0.0 when it has none), so it matches IPv4 flows; a dual-stack socket
     * bound to {@code ::} stays IPv6.
     *
     * @param stateCode the kernel's state number (TCP states; UDP 1 = connected, 7 = unconnected)
     */
    public static SocketEntry of(Protocol protocol, byte[] local, int localPort, byte[] remote, int remotePort,
            int stateCode, int uid, long inode) {
        SocketState state = protocol == Protocol.TCP ? SocketState.ofTcp(stateCode) : SocketState.ofUdp(stateCode);
        return of(protocol, local, localPort, remote, remotePort, state, uid, inode, OptionalLong.empty());
    }

    /** As above with a known state and owner. */
    public static SocketEntry of(Protocol protocol, byte[] local, int localPort, byte[] remote, int remotePort,
            SocketState state, int uid, long inode, OptionalLong owner) {
        byte[] localShown = local;
        byte[] remoteShown = remote;
        boolean mapped = false;
        if (local.length == 16 && IpAddresses.unmapV4(local).length == 4) {
            byte[] remoteV4 = IpAddresses.unmapV4(remote);
            if (remoteV4.length == 4 || isZero(remote)) {
                mapped = true;
                localShown = IpAddresses.unmapV4(local);
                remoteShown = remoteV4.length == 4 ? remoteV4 : new byte[4];
            }
        }
        IpFamily family = localShown.length == 4 ? IpFamily.IPV4 : IpFamily.IPV6;
        return new SocketEntry(protocol, family, mapped, inet(localShown), localPort, inet(remoteShown), remotePort,
                state, uid, inode, owner, OptionalLong.empty());
    }

    /** An address from raw bytes; 16 bytes always give an IPv6 address (no silent unmapping). */
    public static InetAddress inet(byte[] raw) {
        try {
            return raw.length == 16 ? Inet6Address.getByAddress(null, raw, (NetworkInterface) null)
                    : InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address must be 4 or 16 bytes, got " + raw.length, e);
        }
    }

    private static boolean isZero(byte[] raw) {
        for (byte b : raw) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
