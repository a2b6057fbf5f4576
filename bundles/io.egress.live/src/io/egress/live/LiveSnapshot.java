package io.egress.live;

import io.egress.capture.FlowList;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The flows of a live session at one moment with their owners; immutable. Like {@link FlowList},
 * each {@link #get(int)} builds its flow, so a view can window a million flows.
 */
public final class LiveSnapshot extends AbstractList<AttributedFlow> implements RandomAccess {
    private final FlowList flows;
    private final FlowOwner[] owners;

    LiveSnapshot(FlowList flows, FlowOwner[] owners) {
        this.flows = flows;
        this.owners = owners;
    }

    @Override
    public AttributedFlow get(int index) {
        return new AttributedFlow(flows.get(index), owner(index));
    }

    /** The owner alone, without building the flow. */
    public FlowOwner owner(int index) {
        FlowOwner o = index < owners.length ? owners[index] : null;
        return o == null ? FlowOwner.PENDING : o;
    }

    @Override
    public int size() {
        return flows.size();
    }

    /** The flows without owners (conversation counts, etc.). */
    public FlowList flows() {
        return flows;
    }

    static LiveSnapshot of(FlowList flows, List<FlowOwner> owners) {
        return new LiveSnapshot(flows, owners.toArray(FlowOwner[]::new));
    }
}
