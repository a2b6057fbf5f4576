package io.egress.detect.capture;

import java.util.HashMap;
import java.util.Map;

import io.egress.core.timeline.FlowActivity;
import io.egress.detect.DetectionInput;

/** The packet bursts the detectors' pass over a capture recorded, as activity for the timeline. */
public final class BurstActivity {
    private BurstActivity() {
    }

    public static FlowActivity of(DetectionInput input) {
        Map<Integer, FlowActivity.Bursts> byFlow = new HashMap<>();
        input.bursts().forEach((flow, b) -> byFlow.put(flow, new FlowActivity.Bursts(b.startNanos(), b.endNanos(), b.packets(), b.bytes())));
        return FlowActivity.of(byFlow);
    }
}
