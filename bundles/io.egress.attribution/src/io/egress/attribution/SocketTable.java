package io.egress.attribution;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

import io.egress.core.process.ProcessInfo;
import io.egress.core.progress.Progress;
import io.egress.core.socket.Connection;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketSnapshot;

/**
 * This machine's socket table as an OSGi service (registered by a declarative-services component),
 * so that the workbench gets it injected instead of constructing one. {@link SocketTableService}
 * is the implementation and can also be used without OSGi.
 */
public interface SocketTable {
    /** Every TCP/UDP socket with its owner; see {@link SocketTableService#snapshot(Progress)}. */
    SocketSnapshot snapshot(Progress progress);

    /** The owner of one exact 4-tuple, looked up now; see {@link SocketTableService#lookup}. */
    Optional<Connection> lookup(Protocol protocol, InetAddress localAddress, int localPort, InetAddress remoteAddress, int remotePort,
            Instant seenAt);

    /** Details of one process, empty when it is gone. */
    Optional<ProcessInfo> process(long pid);
}
