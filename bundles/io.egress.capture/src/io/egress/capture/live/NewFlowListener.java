package io.egress.capture.live;

/**
 * Told of each new flow on the capture thread, right after its first packet was counted. Must
 * return at once (hand the work to another thread): the capture waits for it.
 */
@FunctionalInterface
public interface NewFlowListener {
    void newFlow(NewFlow flow);
}
