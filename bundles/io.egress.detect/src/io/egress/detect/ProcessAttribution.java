package io.egress.detect;

import io.egress.core.process.ProcessInfo;
import java.util.Map;
import java.util.Optional;

/** Which process owns a flow, when the flows were joined with the socket table. */
@FunctionalInterface
public interface ProcessAttribution {
    /** No flow has a known process (a capture read from a file). */
    ProcessAttribution NONE = flow -> Optional.empty();

    /** The process that owns the flow with this index in {@link DetectionInput#flows()}, or empty. */
    Optional<ProcessInfo> processOf(int flow);

    /** An attribution backed by a map from flow index to process. */
    static ProcessAttribution of(Map<Integer, ProcessInfo> byFlow) {
        Map<Integer, ProcessInfo> copy = Map.copyOf(byFlow);
        return flow -> Optional.ofNullable(copy.get(flow));
    }
}
