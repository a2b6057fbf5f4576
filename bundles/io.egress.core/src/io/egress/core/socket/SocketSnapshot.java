package io.egress.core.socket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * All sockets of the machine at one moment, each with its owner. Immutable.
 *
 * @param takenAt     when the snapshot started
 * @param elapsed     how long it took
 * @param source      which listing was used: "proc", "netlink" or "oshi"
 * @param connections the rows, in no particular order
 * @param counters    what was skipped
 * @param problems    non-fatal problems met (a table that could not be read, ...), for a log or status line
 */
public record SocketSnapshot(Instant takenAt, Duration elapsed, String source, List<Connection> connections,
        ScanCounters counters, List<String> problems) {

    public SocketSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(counters, "counters");
        connections = List.copyOf(connections);
        problems = List.copyOf(problems);
    }
}
