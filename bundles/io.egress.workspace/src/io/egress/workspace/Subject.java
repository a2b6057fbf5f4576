package io.egress.workspace;

import io.egress.core.process.ProcessKey;
import java.util.Objects;

/**
 * What a note or tag is attached to.
 *
 * @param kind what sort of thing
 * @param key  its identity as text: the address (RFC 5952 for IPv6), {@code pid@startMillis}
 *             ({@link ProcessKey#toString()}), or the flow id
 */
public record Subject(Kind kind, String key) {
    /** The sorts of things an analyst annotates. */
    public enum Kind { ADDRESS, PROCESS, FLOW }

    public Subject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
    }

    public static Subject address(String address) { return new Subject(Kind.ADDRESS, address); }

    public static Subject process(ProcessKey process) { return new Subject(Kind.PROCESS, process.toString()); }

    public static Subject flow(long flowId) { return new Subject(Kind.FLOW, Long.toString(flowId)); }
}
