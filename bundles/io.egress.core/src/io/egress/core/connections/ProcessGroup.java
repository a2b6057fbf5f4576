package io.egress.core.connections;

import java.util.List;
import java.util.Optional;

import io.egress.core.process.ProcessInfo;

/**
 * A process and its connections, the top level of the connections view. Sockets whose owner is not
 * known are grouped per user id under a group without a process. Equality is by {@link #id()}.
 *
 * @param id      stable identity: "pid:start" for a process, "uid:N" for unowned sockets
 * @param process the owning process, empty for unowned sockets
 * @param uid     the sockets' user id (for unowned groups), or -1
 * @param rows    the connections, in the order of the snapshot
 */
public record ProcessGroup(String id, Optional<ProcessInfo> process, int uid, List<ConnectionRow> rows) {

    /** Id of the group of sockets no process holds any more (TIME_WAIT and other closing states). */
    public static final String NO_PROCESS_ID = "no-process";

    /** Name to show: the process name, or why there is none. */
    public String label() {
        if (id.equals(NO_PROCESS_ID)) {
            return rows.size() == 1 ? "(no process: a closing socket)" : "(no process: closing sockets)";
        }
        if (process.isEmpty()) {
            return "(owner not visible" + (uid >= 0 ? ", uid " + uid : "") + ")";
        }
        ProcessInfo p = process.get();
        return p.name().isEmpty() ? "pid " + p.pid() : p.name();
    }

    /** Processes first, then sockets whose owner is hidden, then sockets no process holds: noise last. */
    public int rank() {
        if (process.isPresent()) {
            return 0;
        }
        return id.equals(NO_PROCESS_ID) ? 2 : 1;
    }

    public long openCount() {
        return rows.stream().filter(r -> !r.isClosed()).count();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessGroup g && g.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Rows whose owner exists but could not be read (another user's process, without privileges). */
    public static long ownersNotVisible(java.util.List<ProcessGroup> groups) {
        return groups.stream().flatMap(g -> g.rows().stream())
                .filter(r -> r.connection().attribution().method() == io.egress.core.socket.AttributionMethod.NONE_NOT_VISIBLE).count();
    }
}
