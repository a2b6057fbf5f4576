package io.egress.core.connections;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.egress.core.process.ProcessInfo;
import io.egress.core.socket.AttributionMethod;
import io.egress.core.socket.Connection;
import io.egress.core.socket.SocketSnapshot;

/**
 * Follows the socket table across refreshes: remembers when each connection was first seen and
 * keeps a closed one for a while (so the view can fade it out, TCPView-style) instead of letting
 * it vanish between two looks. Not thread-safe: one refresh job owns it and publishes the
 * immutable {@link ConnectionsView} it computes.
 */
public final class ConnectionsTracker {
    private final Duration keepClosed;
    private final Map<ConnectionKey, Tracked> tracked = new LinkedHashMap<>();
    private boolean first = true;

    private static final class Tracked {
        Connection connection;
        final Instant firstSeen;
        Instant closedAt;

        Tracked(Connection connection, Instant firstSeen) {
            this.connection = connection;
            this.firstSeen = firstSeen;
        }
    }

    /** @param keepClosed how long a closed connection stays listed after it disappeared */
    public ConnectionsTracker(Duration keepClosed) {
        this.keepClosed = keepClosed;
    }

    /**
     * Takes a new snapshot and returns the view. Connections present at the very first snapshot
     * count as seen since {@link Instant#MIN} so that the first look does not flag everything as new.
     */
    public ConnectionsView update(SocketSnapshot snapshot, Instant now) {
        Map<ConnectionKey, Connection> current = new LinkedHashMap<>();
        for (Connection c : snapshot.connections()) {
            current.putIfAbsent(ConnectionKey.of(c), c);
        }
        for (Map.Entry<ConnectionKey, Connection> e : current.entrySet()) {
            Tracked t = tracked.get(e.getKey());
            if (t == null || t.closedAt != null) {
                tracked.put(e.getKey(), new Tracked(e.getValue(), first ? Instant.MIN : now));
            } else {
                t.connection = e.getValue();
            }
        }
        for (Iterator<Map.Entry<ConnectionKey, Tracked>> it = tracked.entrySet().iterator(); it.hasNext();) {
            Map.Entry<ConnectionKey, Tracked> e = it.next();
            if (current.containsKey(e.getKey())) {
                continue;
            }
            Tracked t = e.getValue();
            if (t.closedAt == null) {
                t.closedAt = now;
            } else if (Duration.between(t.closedAt, now).compareTo(keepClosed) > 0) {
                it.remove();
            }
        }
        first = false;
        return new ConnectionsView(snapshot, now, groups());
    }

    private List<ProcessGroup> groups() {
        Map<String, List<ConnectionRow>> rows = new LinkedHashMap<>();
        Map<String, Optional<ProcessInfo>> processes = new LinkedHashMap<>();
        Map<String, Integer> uids = new LinkedHashMap<>();
        for (Map.Entry<ConnectionKey, Tracked> e : tracked.entrySet()) {
            Tracked t = e.getValue();
            Connection c = t.connection;
            String id = groupId(c);
            rows.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new ConnectionRow(e.getKey(), c, t.firstSeen, Optional.ofNullable(t.closedAt)));
            processes.merge(id, c.process(), (old, neu) -> neu.isPresent() ? neu : old);
            uids.putIfAbsent(id, c.socket().uid());
        }
        List<ProcessGroup> groups = new ArrayList<>();
        for (Map.Entry<String, List<ConnectionRow>> e : rows.entrySet()) {
            String id = e.getKey();
            Optional<ProcessInfo> p = processes.get(id);
            groups.add(new ProcessGroup(id, p, p.isPresent() ? -1 : uids.get(id), List.copyOf(e.getValue())));
        }
        groups.sort(Comparator.comparingInt(ProcessGroup::rank).thenComparing(ProcessGroup::label, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(ProcessGroup::id));
        return List.copyOf(groups);
    }

    private static String groupId(Connection c) {
        if (c.process().isPresent()) {
            ProcessInfo p = c.process().get();
            return "pid:" + p.pid() + ":" + p.startTimeMillis();
        }
        if (c.pid().isPresent()) {
            return "pid:" + c.pid().getAsLong() + ":?";
        }
        if (c.attribution().method() == AttributionMethod.NONE_NO_PROCESS) {
            return ProcessGroup.NO_PROCESS_ID;
        }
        return "uid:" + c.socket().uid();
    }
}
