package io.egress.live.internal;

import io.egress.capture.live.NewFlow;
import io.egress.core.flow.FlowKey;
import io.egress.core.socket.Attribution;
import io.egress.core.socket.AttributionMethod;
import io.egress.core.socket.Confidence;
import io.egress.live.FlowOwner;
import io.egress.live.OwnerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The owner of every flow of a session, by flow index, and the flows still waiting for a poll.
 * Written by the capture thread (new flows), the trigger worker and the poller; read by anyone.
 */
public final class FlowOwners {
    private final ConcurrentHashMap<Integer, FlowOwner> owners = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<FlowKey, Integer> indexByKey = new ConcurrentHashMap<>();
    /** Flows the trigger missed (or skipped), with what the trigger found, for the poller. */
    private final ConcurrentHashMap<Integer, Waiting> waiting = new ConcurrentHashMap<>();
    private final LongAdder socketFlows = new LongAdder();
    private final LongAdder byTrigger = new LongAdder();
    private final LongAdder byPoll = new LongAdder();
    private final LongAdder unattributed = new LongAdder();

    /** A flow waiting for the poller; {@code partial} is a socket found without an owner. */
    public record Waiting(NewFlow flow, Optional<io.egress.core.socket.Connection> partial) {
    }

    /** Called on the capture thread: registers the flow; flows no socket can own are settled at once. */
    public void created(NewFlow flow) {
        indexByKey.putIfAbsent(flow.key(), flow.flowIndex());
        if (flow.hasSocket()) {
            socketFlows.increment();
            owners.put(flow.flowIndex(), FlowOwner.PENDING);
        } else {
            owners.put(flow.flowIndex(), new FlowOwner(OwnerState.UNATTRIBUTED, Optional.empty(),
                    new Attribution(AttributionMethod.NONE, Confidence.NONE, Duration.ZERO, "no socket owns this protocol's packets")));
        }
    }

    public void attributed(int flowIndex, FlowOwner owner, boolean triggered) {
        waiting.remove(flowIndex);
        FlowOwner previous = owners.put(flowIndex, owner);
        if (previous == null || previous.state() != OwnerState.ATTRIBUTED) {
            (triggered ? byTrigger : byPoll).increment();
        }
    }

    /** Replaces an owner by a more detailed one (process details added); counters unchanged. */
    public void refine(int flowIndex, FlowOwner owner) {
        owners.put(flowIndex, owner);
    }

    public void waitForPoll(NewFlow flow, Optional<io.egress.core.socket.Connection> partial) {
        waiting.put(flow.flowIndex(), new Waiting(flow, partial));
    }

    public void givenUp(int flowIndex, FlowOwner owner) {
        if (waiting.remove(flowIndex) != null) {
            owners.put(flowIndex, owner);
            unattributed.increment();
        }
    }

    public Collection<Waiting> waiting() {
        return waiting.values();
    }

    public FlowOwner owner(int flowIndex) {
        return owners.getOrDefault(flowIndex, FlowOwner.PENDING);
    }

    /** The owner of the flow with this key (for packet comments). */
    public FlowOwner owner(FlowKey key) {
        Integer index = indexByKey.get(key);
        return index == null ? FlowOwner.PENDING : owner(index);
    }

    public List<FlowOwner> firstN(int n) {
        List<FlowOwner> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(owner(i));
        }
        return out;
    }

    public long socketFlows() {
        return socketFlows.sum();
    }

    public long byTrigger() {
        return byTrigger.sum();
    }

    public long byPoll() {
        return byPoll.sum();
    }

    public long unattributed() {
        return unattributed.sum();
    }

    public long pending() {
        return Math.max(0, socketFlows.sum() - byTrigger.sum() - byPoll.sum() - unattributed.sum());
    }
}
