package io.egress.workspace;

import io.egress.core.flow.Flow;
import java.util.Objects;
import java.util.Optional;

/**
 * One flow of the investigation.
 *
 * @param id          identity within the workspace, unique and stable across saves (notes, tags
 *                    and findings refer to flows by it)
 * @param capture     index into {@link WorkspaceContent#captures()} of the capture it came from,
 *                    or -1 for a flow of a live session
 * @param flow        the flow with all its counters, names and Community ID
 * @param attribution the owning process, when known
 */
public record FlowRecord(long id, int capture, Flow flow, Optional<ProcessAttribution> attribution) {
    public FlowRecord {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(attribution, "attribution");
    }
}
