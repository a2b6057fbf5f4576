package io.egress.core.connections;

import java.net.InetAddress;
import java.util.OptionalLong;

import io.egress.core.socket.Connection;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;

/**
 * Identity of a connection across refreshes: protocol, both endpoints and the owning pid. The
 * inode is left out on purpose: a socket in TIME_WAIT loses it but is still the same connection.
 */
public record ConnectionKey(Protocol protocol, InetAddress local, int localPort, InetAddress remote, int remotePort,
        OptionalLong pid) {

    public static ConnectionKey of(Connection c) {
        SocketEntry s = c.socket();
        return new ConnectionKey(s.protocol(), s.localAddress(), s.localPort(), s.remoteAddress(), s.remotePort(), s.ownerPid());
    }
}
