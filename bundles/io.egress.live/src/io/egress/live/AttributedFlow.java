package io.egress.live;

import io.egress.core.flow.Flow;
import java.util.Objects;

/** A flow of a live capture with its owner. */
public record AttributedFlow(Flow flow, FlowOwner owner) {
    public AttributedFlow {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(owner, "owner");
    }
}
