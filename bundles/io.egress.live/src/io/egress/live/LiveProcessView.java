package io.egress.live;

import io.egress.core.flow.Flow;
import io.egress.core.flow.IpProtocols;
import io.egress.core.net.IpAddresses;
import io.egress.core.process.ProcessInfo;
import io.egress.core.socket.Attribution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The live flows of a session grouped under the process that owns them, with bytes per second per
 * process and per flow; UI-free and immutable. Rates come from two looks at the session:
 * {@code previous.next(snapshot, now)} divides each flow's byte growth by the time between them.
 *
 * <p>Flows are never guessed into a process: attributed flows go under their pid, flows whose socket
 * was found but whose process may not be read under "owner not visible (uid N)", flows nobody owned
 * under "unattributed" and flows not looked up yet under "pending".
 */
public final class LiveProcessView {

    /** What a group stands for; also the order of groups (processes first). */
    public enum GroupKind { PROCESS, NOT_VISIBLE, UNATTRIBUTED, PENDING }

    /** The view before any snapshot: no groups, no rates. */
    public static final LiveProcessView EMPTY = new LiveProcessView(List.of(), Long.MIN_VALUE, new long[0], 0, 0);

    private final List<Group> groups;
    private final long timeNanos;
    private final long[] bytesByFlow;
    private final int flows;
    private final double bytesPerSecond;

    private LiveProcessView(List<Group> groups, long timeNanos, long[] bytesByFlow, int flows, double bytesPerSecond) {
        this.groups = groups;
        this.timeNanos = timeNanos;
        this.bytesByFlow = bytesByFlow;
        this.flows = flows;
        this.bytesPerSecond = bytesPerSecond;
    }

    /**
     * The view of {@code snapshot}, taken at {@code timeNanos} (a monotonic clock such as
     * {@link System#nanoTime()}); rates are measured against this view. Index i of the list is the
     * engine's flow index i (as in {@link LiveSnapshot}).
     */
    public LiveProcessView next(List<AttributedFlow> snapshot, long timeNanos) {
        boolean ratesKnown = this.timeNanos != Long.MIN_VALUE && timeNanos > this.timeNanos;
        double seconds = ratesKnown ? (timeNanos - this.timeNanos) / 1e9 : 0;
        int n = snapshot.size();
        long[] bytes = new long[n];
        Map<String, GroupBuilder> byId = new LinkedHashMap<>();
        double total = 0;
        for (int i = 0; i < n; i++) {
            AttributedFlow af = snapshot.get(i);
            Flow f = af.flow();
            bytes[i] = f.bytes();
            // a flow new since the last look carried all its bytes in between
            long before = i < bytesByFlow.length ? bytesByFlow[i] : 0;
            double rate = ratesKnown ? Math.max(0, bytes[i] - before) / seconds : 0;
            total += rate;
            FlowOwner owner = af.owner();
            Row row = new Row(i, IpProtocols.name(f.protocol()), IpAddresses.formatEndpoint(f.initiator(), f.initiatorPort()),
                    IpAddresses.formatEndpoint(f.responder(), f.responderPort()), f.packets(), f.bytes(), rate, owner.state(),
                    owner.attribution());
            GroupBuilder g = byId.computeIfAbsent(groupId(owner), id -> new GroupBuilder(id, owner));
            g.rows.add(row);
            g.bytes += row.bytes();
            g.rate += rate;
            g.lastNanos = Math.max(g.lastNanos, f.lastNanos());
        }
        List<Group> out = new ArrayList<>(byId.size());
        for (GroupBuilder b : byId.values()) {
            out.add(new Group(b.id, b.kind, b.pid, b.name, b.user, b.uid, b.bytes, b.rate, b.lastNanos, List.copyOf(b.rows), b.process));
        }
        // like top: the busiest owners first, then the ones heard from last
        out.sort(Comparator.comparing(Group::kind).thenComparing(Comparator.comparingDouble(Group::bytesPerSecond).reversed())
                .thenComparing(Comparator.comparingLong(Group::lastNanos).reversed())
                .thenComparingLong(g -> g.pid().orElse(Long.MAX_VALUE)).thenComparingInt(g -> g.uid().orElse(Integer.MAX_VALUE)));
        return new LiveProcessView(List.copyOf(out), timeNanos, bytes, n, total);
    }

    private static String groupId(FlowOwner owner) {
        if (owner.state() == OwnerState.PENDING) {
            return "pending";
        }
        if (owner.pid().isPresent()) {
            return "pid:" + owner.pid().getAsLong();
        }
        if (notVisible(owner)) {
            return "uid:" + owner.uid().getAsInt();
        }
        return "unattributed";
    }

    /**
     * A socket was found but its owner may not be read (another user's process, without root): its
     * uid is all we know. A socket no process holds (TIME_WAIT, uid 0 from the kernel) is not that.
     */
    private static boolean notVisible(FlowOwner owner) {
        return owner.uid().isPresent() && owner.attribution().method() == io.egress.core.socket.AttributionMethod.NONE_NOT_VISIBLE;
    }

    /**
     * Process groups first, then sockets of other users, unattributed, pending; within each kind the
     * highest bytes per second first, then the most recently active.
     */
    public List<Group> groups() {
        return groups;
    }

    /** Flows in the view. */
    public int flows() {
        return flows;
    }

    /** All flows together, bytes per second since the previous view (0 for the first). */
    public double bytesPerSecond() {
        return bytesPerSecond;
    }

    /**
     * The groups keeping only the rows whose process, pid, user, protocol, endpoints or method
     * contain {@code text} (case-insensitive); a group whose own name matches keeps all its rows.
     */
    public List<Group> filtered(String text) {
        return filtered(text, g -> g.name());
    }

    /**
     * As {@link #filtered(String)}; a group whose shown name (e.g. "unattributed", "uid 33 (not
     * visible)", given by the front end) contains the text also keeps all its rows.
     */
    public List<Group> filtered(String text, java.util.function.Function<Group, String> shownName) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return groups;
        }
        List<Group> out = new ArrayList<>();
        for (Group g : groups) {
            if (g.matches(t) || shownName.apply(g).toLowerCase(Locale.ROOT).contains(t)) {
                out.add(g);
                continue;
            }
            List<Row> rows = g.rows.stream().filter(r -> r.matches(t)).toList();
            if (!rows.isEmpty()) {
                out.add(new Group(g.id, g.kind, g.pid, g.name, g.user, g.uid, g.bytes, g.bytesPerSecond, g.lastNanos, rows, g.process));
            }
        }
        return out;
    }

    private static final class GroupBuilder {
        final String id;
        final GroupKind kind;
        final OptionalLong pid;
        final String name;
        final String user;
        final OptionalInt uid;
        final java.util.Optional<ProcessInfo> process;
        final List<Row> rows = new ArrayList<>();
        long bytes;
        double rate;
        long lastNanos = Long.MIN_VALUE;

        GroupBuilder(String id, FlowOwner owner) {
            this.id = id;
            this.pid = owner.pid();
            this.uid = owner.pid().isPresent() || notVisible(owner) ? owner.uid() : OptionalInt.empty();
            this.process = owner.process();
            this.name = owner.process().map(ProcessInfo::name).orElse("");
            this.user = owner.process().map(ProcessInfo::user).filter(u -> !u.isEmpty())
                    .orElse(uid.isPresent() ? Integer.toString(uid.getAsInt()) : "");
            if (owner.state() == OwnerState.PENDING) {
                kind = GroupKind.PENDING;
            } else if (pid.isPresent()) {
                kind = GroupKind.PROCESS;
            } else if (notVisible(owner)) {
                kind = GroupKind.NOT_VISIBLE;
            } else {
                kind = GroupKind.UNATTRIBUTED;
            }
        }
    }

    /**
     * Flows with one owner. Equal by {@link #id()}, so a viewer keeps selection and expansion over
     * refreshes.
     *
     * @param id             "pid:1234", "uid:33", "unattributed" or "pending"
     * @param name           the process's name, empty when not known
     * @param user           the process's user, else the socket's uid, else empty
     * @param bytesPerSecond the sum of its flows' rates
     * @param lastNanos      the last packet of any of its flows (epoch nanoseconds)
     * @param process        the owner's details (executable, command line, parent...) when known
     */
    public record Group(String id, GroupKind kind, OptionalLong pid, String name, String user, OptionalInt uid, long bytes,
            double bytesPerSecond, long lastNanos, List<Row> rows, java.util.Optional<ProcessInfo> process) {

        public Group {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(process, "process");
            rows = List.copyOf(rows);
        }

        boolean matches(String lower) {
            return name.toLowerCase(Locale.ROOT).contains(lower) || user.toLowerCase(Locale.ROOT).contains(lower)
                    || (pid.isPresent() && Long.toString(pid.getAsLong()).contains(lower));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Group g && g.id.equals(id);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }

    /**
     * One flow. Equal by {@link #flowIndex()} (the engine's index, stable while the session lives).
     *
     * @param initiator   address:port of the sender of the first packet (for TCP the SYN)
     * @param responder   the other end
     * @param attribution method, confidence, delay from the first packet to the answer, note
     */
    public record Row(int flowIndex, String protocol, String initiator, String responder, long packets, long bytes,
            double bytesPerSecond, OwnerState state, Attribution attribution) {

        public Row {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(initiator, "initiator");
            Objects.requireNonNull(responder, "responder");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(attribution, "attribution");
        }

        /** How the owner was found ("trigger", "poll", "none", ...), or "pending". */
        public String method() {
            return state == OwnerState.PENDING ? "pending" : attribution.method().id();
        }

        /** From the flow's first packet to the answer; zero while pending. */
        public Duration delay() {
            return attribution.delay();
        }

        boolean matches(String lower) {
            return protocol.toLowerCase(Locale.ROOT).contains(lower) || initiator.contains(lower) || responder.contains(lower)
                    || method().contains(lower);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && r.flowIndex == flowIndex;
        }

        @Override
        public int hashCode() {
            return Integer.hashCode(flowIndex);
        }
    }

    @Override
    public String toString() {
        return "LiveProcessView" + Arrays.toString(groups.stream().map(g -> g.id + "=" + g.rows.size()).toArray());
    }
}
