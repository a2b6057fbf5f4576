package io.egress.core.connections;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.egress.core.socket.SocketSnapshot;

/**
 * An immutable picture of the connections at one refresh, grouped by process. The UI renders it
 * as it is; filtering produces another view.
 *
 * @param snapshot the socket table it came from (timing, counters, problems)
 * @param at       when it was computed
 * @param groups   processes with their connections, including recently closed ones
 */
public record ConnectionsView(SocketSnapshot snapshot, Instant at, List<ProcessGroup> groups) {

    /** The groups and rows that pass the filter; groups left without rows are dropped. */
    public List<ProcessGroup> filtered(ConnectionFilter filter) {
        return filtered(filter, io.egress.core.net.AddressFacts.NONE);
    }

    /** As above; the filter text may also match remote countries and networks. */
    public List<ProcessGroup> filtered(ConnectionFilter filter, io.egress.core.net.AddressFacts facts) {
        List<ProcessGroup> out = new ArrayList<>();
        for (ProcessGroup g : groups) {
            List<ConnectionRow> rows = g.rows().stream().filter(r -> filter.accepts(g, r, facts)).toList();
            if (!rows.isEmpty()) {
                out.add(new ProcessGroup(g.id(), g.process(), g.uid(), rows));
            }
        }
        return out;
    }

    /** Number of open connections over all groups. */
    public long openCount() {
        return groups.stream().mapToLong(ProcessGroup::openCount).sum();
    }
}
