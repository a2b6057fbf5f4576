package io.egress.core.flow;

import java.util.Objects;

/**
 * A host name attached to a flow, with its source and the capture time (nanoseconds since the
 * epoch) of the packet it came from.
 */
public record FlowName(String name, NameSource source, long timeNanos) {
    public FlowName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }
}
