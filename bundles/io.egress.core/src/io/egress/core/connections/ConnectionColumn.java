package io.egress.core.connections;

import java.util.Comparator;

import io.egress.core.net.AddressClassifier;
import io.egress.core.net.AddressFacts;
import io.egress.core.net.IpAddresses;
import io.egress.core.socket.SocketEntry;

/**
 * The columns of the connections view and of {@code egress connections --format table}, with the
 * text and sort order of each, so that the workbench and the command line agree.
 */
public enum ConnectionColumn {
    PROCESS("Process"),
    PID("PID"),
    USER("User"),
    PROTOCOL("Proto"),
    LOCAL("Local address"),
    REMOTE("Remote address"),
    REMOTE_CLASS("Remote class"),
    REMOTE_COUNTRY("Country"),
    REMOTE_NETWORK("Network"),
    STATE("State");

    private static final ProcessGroup NO_GROUP = new ProcessGroup("", java.util.Optional.empty(), -1, java.util.List.of());

    private final String header;

    ConnectionColumn(String header) {
        this.header = header;
    }

    /** Default header (the workbench externalises its own). */
    public String header() {
        return header;
    }

    /** Cell text without enrichment (country and network empty). */
    public String text(ProcessGroup group, ConnectionRow row) {
        return text(group, row, AddressFacts.NONE);
    }

    /** Cell text; {@code facts} gives the remote address's country and network (none for listeners). */
    public String text(ProcessGroup group, ConnectionRow row, AddressFacts facts) {
        SocketEntry s = row.connection().socket();
        return switch (this) {
            case PROCESS -> group.label();
            case PID -> s.ownerPid().isPresent() ? Long.toString(s.ownerPid().getAsLong()) : "";
            // a socket no process holds (TIME_WAIT) carries uid 0 from the kernel: nobody's, not root's
            case USER -> group.process().map(p -> p.user()).filter(u -> !u.isEmpty())
                    .orElse(s.uid() >= 0 && !group.id().equals(ProcessGroup.NO_PROCESS_ID) ? Integer.toString(s.uid()) : "");
            case PROTOCOL -> s.protocol().id() + (s.family().id().equals("ipv6") ? "6" : "");
            case LOCAL -> IpAddresses.formatEndpoint(s.localAddress().getAddress(), s.localPort());
            case REMOTE -> s.hasRemote() ? IpAddresses.formatEndpoint(s.remoteAddress().getAddress(), s.remotePort()) : "*";
            case REMOTE_CLASS -> row.remoteClass().id();
            case REMOTE_COUNTRY -> s.hasRemote() ? facts.country(s.remoteAddress().getAddress()) : "";
            case REMOTE_NETWORK -> s.hasRemote() ? facts.network(s.remoteAddress().getAddress()) : "";
            case STATE -> row.isClosed() ? "CLOSED" : s.state().id();
        };
    }

    /** Sort order for rows without enrichment. */
    public Comparator<ConnectionRow> rowOrder() {
        return rowOrder(AddressFacts.NONE);
    }

    /** Sort order for rows: numbers numerically, addresses by bytes then port, text by text. */
    public Comparator<ConnectionRow> rowOrder(AddressFacts facts) {
        return switch (this) {
            case PID -> Comparator.comparingLong(r -> r.connection().socket().ownerPid().orElse(-1));
            case LOCAL -> Comparator.<ConnectionRow, byte[]>comparing(r -> r.connection().socket().localAddress().getAddress(), ConnectionColumn::compareBytes)
                    .thenComparingInt(r -> r.connection().socket().localPort());
            case REMOTE -> Comparator.<ConnectionRow, byte[]>comparing(r -> r.connection().socket().remoteAddress().getAddress(), ConnectionColumn::compareBytes)
                    .thenComparingInt(r -> r.connection().socket().remotePort());
            case REMOTE_CLASS -> Comparator.comparing(ConnectionRow::remoteClass);
            case PROTOCOL, STATE, REMOTE_COUNTRY, REMOTE_NETWORK -> Comparator.comparing(r -> text(NO_GROUP, r, facts),
                    String.CASE_INSENSITIVE_ORDER);
            // rows of one group share process and user: order them by where they go
            case PROCESS, USER -> REMOTE.rowOrder();
        };
    }

    /** Sort order for process groups under this column. */
    public Comparator<ProcessGroup> groupOrder() {
        return Comparator.comparingInt(ProcessGroup::rank).thenComparing(groupOrderWithinRank());
    }

    private Comparator<ProcessGroup> groupOrderWithinRank() {
        return switch (this) {
            case PID -> Comparator.comparingLong(g -> g.process().map(p -> p.pid()).orElse(Long.MAX_VALUE));
            case USER -> Comparator.comparing(g -> g.process().map(p -> p.user()).orElse(""), String.CASE_INSENSITIVE_ORDER);
            default -> Comparator.comparing(ProcessGroup::label, String.CASE_INSENSITIVE_ORDER);
        };
    }

    static int compareBytes(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return java.util.Arrays.compareUnsigned(a, b);
    }

    /** One line describing a row, for logs and copy-as-text. */
    static String describe(ConnectionRow row) {
        SocketEntry s = row.connection().socket();
        return s.protocol().id() + " " + IpAddresses.formatEndpoint(s.localAddress().getAddress(), s.localPort())
                + " -> " + (s.hasRemote() ? IpAddresses.formatEndpoint(s.remoteAddress().getAddress(), s.remotePort()) : "*")
                + " " + s.state().id() + " (" + AddressClassifier.classOf(row.judgedAddress()).id() + ")";
    }
}
