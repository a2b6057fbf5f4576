package io.egress.detect.internal.detectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.egress.core.flow.Flow;
import io.egress.core.timeline.MarkerSeverity;
import io.egress.core.timeline.RowKey;
import io.egress.core.timeline.RowKeys;
import io.egress.core.timeline.TimelineMarker;
import io.egress.detect.Evidence;
import io.egress.detect.Finding;
import io.egress.detect.Severity;
import io.egress.detect.TimeSpan;
import io.egress.detect.capture.FindingMarkers;

class FindingMarkersTest {
    private final List<Flow> flows = List.of(
            TestFlows.tcp("10.0.0.4", "24.199.110.233", 443, 10, 20, 100, 100),
            TestFlows.tcp("10.0.0.9", "93.184.216.34", 443, 30, 90, 100, 100));

    @Test
    void aFindingIsMarkedOnItsFlowsHostAtTheEarliestEvidenceTime() {
        Finding beacon = finding(Severity.HIGH, 81, "beaconing to 93.184.216.34", List.of(1),
                List.of(new TimeSpan(TestFlows.at(45), TestFlows.at(46)), new TimeSpan(TestFlows.at(31), TestFlows.at(32))));

        List<TimelineMarker> markers = FindingMarkers.of(List.of(beacon), flows, RowKeys.byInitiatorHost());

        assertEquals(List.of(new TimelineMarker(RowKey.host("10.0.0.9"), TestFlows.at(31), MarkerSeverity.HIGH,
                "high 81: beaconing to 93.184.216.34")), markers);
    }

    @Test
    void withoutTimeRangesTheFlowsFirstPacketIsUsed() {
        Finding f = finding(Severity.LOW, 20, "unusual port", List.of(0), List.of());

        TimelineMarker m = FindingMarkers.of(List.of(f), flows, RowKeys.byInitiatorHost()).get(0);

        assertEquals(RowKey.host("10.0.0.4"), m.rowKey());
        assertEquals(TestFlows.at(10), m.timeNanos());
        assertEquals(MarkerSeverity.LOW, m.severity());
    }

    @Test
    void findingsWithNoFlowOfThisCaptureHaveNoMarker() {
        Finding noFlows = finding(Severity.MEDIUM, 50, "suspicious executable", List.of(), List.of());
        Finding otherCapture = finding(Severity.MEDIUM, 50, "stale id", List.of(7), List.of());

        assertEquals(List.of(), FindingMarkers.of(List.of(noFlows, otherCapture), flows, RowKeys.byInitiatorHost()));
    }

    private static Finding finding(Severity severity, int score, String title, List<Integer> flowIds, List<TimeSpan> spans) {
        return new Finding("test", severity, score, title, "because", Optional.empty(), List.of(),
                new Evidence(flowIds, spans, Optional.empty(), "", List.of(), List.of()));
    }
}
