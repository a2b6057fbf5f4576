package io.egress.live;

import io.egress.core.process.ProcessInfo;
import io.egress.core.socket.Attribution;
import io.egress.core.socket.AttributionMethod;
import io.egress.core.socket.Confidence;
import io.egress.core.socket.Connection;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Who owns a live flow, and how we know.
 *
 * @param state       pending, attributed or unattributed
 * @param connection  the socket that carried the flow, with its owner when found (a socket may be
 *                    found without an owner: e.g. owned by a process we may not read)
 * @param attribution method TRIGGER (looked up at the flow's first packet), POLL (found by the
 *                    periodic snapshot), OSHI (the portable provider named it) or NONE; the delay
 *                    is from the flow's first packet to the answer; the note says more
 */
public record FlowOwner(OwnerState state, Optional<Connection> connection, Attribution attribution) {

    public FlowOwner {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(attribution, "attribution");
    }

    /** Not looked up yet. */
    public static final FlowOwner PENDING = new FlowOwner(OwnerState.PENDING, Optional.empty(),
            new Attribution(AttributionMethod.NONE, Confidence.NONE, java.time.Duration.ZERO, "pending"));

    public OptionalLong pid() {
        return connection.map(Connection::pid).orElse(OptionalLong.empty());
    }

    public Optional<ProcessInfo> process() {
        return connection.flatMap(Connection::process);
    }

    /** The socket's uid when a socket was found (shown when its process could not be read). */
    public OptionalInt uid() {
        return connection.map(c -> c.socket().uid()).filter(u -> u >= 0).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /**
     * The packet comment written into exported pcapng files: "pid=1234 name=curl exe=/usr/bin/curl
     * user=alice method=trigger", "uid=33 owner not visible", or "" while nothing is known.
     */
    public String comment() {
        if (pid().isPresent()) {
            StringBuilder b = new StringBuilder("pid=").append(pid().getAsLong());
            process().ifPresent(p -> {
                append(b, "name", p.name());
                append(b, "exe", p.exePath());
                append(b, "user", p.user());
            });
            append(b, "method", attribution.method().id());
            return b.toString();
        }
        if (uid().isPresent()) {
            return "uid=" + uid().getAsInt() + " owner not visible";
        }
        return "";
    }

    private static void append(StringBuilder b, String key, String value) {
        if (!value.isEmpty()) {
            b.append(' ').append(key).append('=').append(value.replace(' ', '_'));
        }
    }
}
