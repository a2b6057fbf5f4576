package io.egress.attribution.internal;

import io.egress.attribution.internal.proc.InodeOwners;
import io.egress.core.process.ProcessInfo;
import io.egress.core.socket.Attribution;
import io.egress.core.socket.AttributionMethod;
import io.egress.core.socket.Confidence;
import io.egress.core.socket.Connection;
import io.egress.core.socket.SocketEntry;
import io.egress.core.socket.SocketState;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a socket row plus what is known about owners into a {@link Connection} that says how it
 * was attributed. Make one per snapshot or lookup: it remembers each pid's details for its own
 * lifetime, so thousands of sockets of one process cost one process read, not thousands.
 * Not thread-safe.
 */
public final class ConnectionBuilder {
    private final ProcessDetails details;
    private final Map<Long, Optional<ProcessInfo>> seen = new HashMap<>();

    public ConnectionBuilder(ProcessDetails details) {
        this.details = details;
    }

    private Optional<ProcessInfo> process(long pid) {
        return seen.computeIfAbsent(pid, details::get);
    }

    /**
     * For a socket listed without owner (from /proc or netlink) whose owners come from the fd index.
     *
     * @param foundBy PROC_FD, NETLINK or TRIGGER
     * @param delay   time from the triggering event, ZERO for snapshots
     */
    public Connection fromIndex(SocketEntry socket, InodeOwners owners, AttributionMethod foundBy, Duration delay) {
        if (socket.inode() == 0) {
            String why = socket.state() == SocketState.TIME_WAIT ? "TIME_WAIT: the socket outlives its process"
                    : "the socket has no inode (closing or kernel-owned)";
            return new Connection(socket, Optional.empty(),
                    new Attribution(AttributionMethod.NONE_NO_PROCESS, Confidence.NONE, delay, why));
        }
        long[] pids = owners.of(socket.inode());
        if (pids.length == 0) {
            if (owners.fdDirsUnreadable() > 0) {
                int n = owners.fdDirsUnreadable();
                String note = "uid " + socket.uid() + "; " + n + (n == 1 ? " process" : " processes") + " not readable";
                return new Connection(socket, Optional.empty(),
                        new Attribution(AttributionMethod.NONE_NOT_VISIBLE, Confidence.NONE, delay, note));
            }
            return new Connection(socket, Optional.empty(), new Attribution(AttributionMethod.NONE_NO_PROCESS,
                    Confidence.NONE, delay, "no process held it during the scan (it may have just closed)"));
        }
        long pid = pids[0];
        String note = pids.length > 1 ? "also held by pids "
                + Arrays.stream(pids, 1, pids.length).mapToObj(Long::toString).collect(Collectors.joining(", ")) : "";
        Optional<ProcessInfo> process = process(pid);
        if (process.isEmpty()) {
            note = join(note, "the process exited before its details were read");
        }
        return new Connection(socket.withOwner(pid), Optional.of(process.orElse(ProcessInfo.onlyPid(pid))),
                new Attribution(foundBy, Confidence.EXACT, delay, note));
    }

    /** For a socket whose owner the operating system reported (OSHI). */
    public Connection fromReportedOwner(SocketEntry socket) {
        if (socket.ownerPid().isEmpty()) {
            return new Connection(socket, Optional.empty(), new Attribution(AttributionMethod.NONE, Confidence.NONE,
                    Duration.ZERO, "the operating system reported no owner"));
        }
        long pid = socket.ownerPid().getAsLong();
        Optional<ProcessInfo> process = process(pid);
        String note = process.isEmpty() ? "the process exited before its details were read" : "";
        return new Connection(socket, Optional.of(process.orElse(ProcessInfo.onlyPid(pid))),
                new Attribution(AttributionMethod.OSHI, Confidence.HIGH, Duration.ZERO, note));
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }
}
