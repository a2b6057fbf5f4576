package io.egress.core.connections;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

import io.egress.core.net.AddressClass;
import io.egress.core.net.AddressClassifier;
import io.egress.core.socket.Connection;

/**
 * One connection as the connections view shows it: the latest kernel row plus when it was first
 * seen and, once gone, when it closed. Equality is by {@link #key()} so that viewers keep
 * selection and expansion across refreshes.
 */
public final class ConnectionRow {
    private final ConnectionKey key;
    private final Connection connection;
    private final Instant firstSeen;
    private final Optional<Instant> closedAt;

    ConnectionRow(ConnectionKey key, Connection connection, Instant firstSeen, Optional<Instant> closedAt) {
        this.key = key;
        this.connection = connection;
        this.firstSeen = firstSeen;
        this.closedAt = closedAt;
    }

    public ConnectionKey key() {
        return key;
    }

    public Connection connection() {
        return connection;
    }

    public Instant firstSeen() {
        return firstSeen;
    }

    /** When the connection disappeared from the socket table; empty while it is open. */
    public Optional<Instant> closedAt() {
        return closedAt;
    }

    public boolean isClosed() {
        return closedAt.isPresent();
    }

    /** The address that says where this connection goes: the remote one, or the local one for a listener. */
    public InetAddress judgedAddress() {
        return connection.socket().hasRemote() ? connection.socket().remoteAddress() : connection.socket().localAddress();
    }

    /** Class of the remote address (of the bound address for listeners). */
    public AddressClass remoteClass() {
        return AddressClassifier.classOf(judgedAddress());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionRow r && r.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return ConnectionColumn.describe(this);
    }
}
