package io.egress.core.socket;

import io.egress.core.process.ProcessInfo;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A socket with its owning process (when one was found) and how it was found. Immutable.
 *
 * @param socket      the kernel's socket row
 * @param process     the owning process; empty when {@link Attribution#method()} says why not.
 *                    Present but without details ({@link ProcessInfo#hasDetails()} false) when the
 *                    pid is known and the process exited before it could be read.
 * @param attribution how the owner was found
 */
public record Connection(SocketEntry socket, Optional<ProcessInfo> process, Attribution attribution) {

    public Connection {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(attribution, "attribution");
    }

    /** The owning pid, empty when none was found. */
    public OptionalLong pid() {
        return socket.ownerPid();
    }
}
