package io.egress.live;

import io.egress.capture.live.CaptureStatistics;
import java.time.Duration;
import java.util.Objects;

/**
 * Counters of a live session, for a status line.
 *
 * @param capture          packets, flows, drops and per-interface state
 * @param socketFlows      TCP/UDP flows (the ones a socket can own)
 * @param byTrigger        attributed by the lookup at their first packet
 * @param byPoll           attributed by a periodic snapshot
 * @param unattributed     given up (no socket found while we looked)
 * @param pending          not settled yet
 * @param triggerOverflows new flows whose lookup was skipped because the queue was full (polling covers them)
 * @param triggerDelayMedian median time from a flow's first packet to its triggered answer
 * @param triggerDelayMax  the longest such time
 * @param captureLagMedian median time from a new flow's first packet (kernel timestamp) to the
 *                         capture handing it over; large values mean packets reach us late
 * @param lookupCostMedian median time the worker spends looking up one new flow (the queue
 *                         falls behind when flows arrive faster than this)
 */
public record LiveStatistics(CaptureStatistics capture, long socketFlows, long byTrigger, long byPoll, long unattributed, long pending,
        long triggerOverflows, Duration triggerDelayMedian, Duration triggerDelayMax, Duration captureLagMedian, Duration lookupCostMedian) {

    public LiveStatistics {
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(triggerDelayMedian, "triggerDelayMedian");
        Objects.requireNonNull(triggerDelayMax, "triggerDelayMax");
        Objects.requireNonNull(captureLagMedian, "captureLagMedian");
        Objects.requireNonNull(lookupCostMedian, "lookupCostMedian");
    }

    /** Share of settled socket flows that have an owner, 0..1 (1 when none is settled). */
    public double attributionRate() {
        long settled = byTrigger + byPoll + unattributed;
        return settled == 0 ? 1.0 : (double) (byTrigger + byPoll) / settled;
    }

    /** "packets 1200, dropped 0, flows 40, attributed 39/40 (trigger 38, poll 1), pending 0". */
    public String describe() {
        return "packets " + capture.packets() + ", dropped " + capture.dropped() + ", flows " + capture.flows() + ", attributed "
                + (byTrigger + byPoll) + "/" + socketFlows + " (trigger " + byTrigger + ", poll " + byPoll + "), unattributed "
                + unattributed + ", pending " + pending;
    }
}
