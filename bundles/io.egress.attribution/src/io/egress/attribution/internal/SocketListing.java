package io.egress.attribution.internal;

import io.egress.core.socket.SocketEntry;
import java.util.List;

/**
 * Sockets as one source lists them, before owners are attached.
 *
 * @param sockets  the rows; owners are already set when the source reports them (OSHI)
 * @param problems non-fatal problems (a table that was missing, a line that did not parse)
 */
public record SocketListing(List<SocketEntry> sockets, List<String> problems) {
    public SocketListing {
        sockets = List.copyOf(sockets);
        problems = List.copyOf(problems);
    }
}
