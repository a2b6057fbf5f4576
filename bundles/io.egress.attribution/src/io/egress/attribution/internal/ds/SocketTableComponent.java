package io.egress.attribution.internal.ds;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.egress.attribution.SocketTable;
import io.egress.attribution.SocketTableService;
import io.egress.core.process.ProcessInfo;
import io.egress.core.progress.Progress;
import io.egress.core.socket.Connection;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketSnapshot;

/**
 * Registers this machine's socket table as the {@link SocketTable} service. One instance for the
 * framework, created when first used and closed with the bundle (its netlink socket and caches).
 */
@Component(service = SocketTable.class)
public final class SocketTableComponent implements SocketTable {
    private SocketTableService delegate;

    @Activate
    void activate() {
        delegate = new SocketTableService();
    }

    @Deactivate
    void deactivate() {
        delegate.close();
    }

    @Override
    public SocketSnapshot snapshot(Progress progress) {
        return delegate.snapshot(progress);
    }

    @Override
    public Optional<Connection> lookup(Protocol protocol, InetAddress localAddress, int localPort, InetAddress remoteAddress,
            int remotePort, Instant seenAt) {
        return delegate.lookup(protocol, localAddress, localPort, remoteAddress, remotePort, seenAt);
    }

    @Override
    public Optional<ProcessInfo> process(long pid) {
        return delegate.process(pid);
    }
}
