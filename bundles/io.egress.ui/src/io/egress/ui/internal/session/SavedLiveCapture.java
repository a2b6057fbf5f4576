package io.egress.ui.internal.session;

import java.util.List;
import java.util.Objects;

import io.egress.live.AttributedFlow;

/**
 * The flows of a live capture as a workspace saved them: a snapshot with the owner of each flow,
 * shown in the Connections view without capturing anything. UI-free and immutable.
 *
 * @param flows       the flows in the engine's order, each with its owner as it was at save time
 * @param interfaces  the interfaces that were captured, e.g. {@code "lo, eth0"}
 * @param savedMillis when the snapshot was taken, epoch milliseconds
 */
public record SavedLiveCapture(List<AttributedFlow> flows, String interfaces, long savedMillis) {
    public SavedLiveCapture {
        flows = List.copyOf(flows);
        Objects.requireNonNull(interfaces, "interfaces");
    }
}
