package io.egress.detect.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.egress.core.flow.Flow;
import io.egress.core.timeline.MarkerSeverity;
import io.egress.core.timeline.RowKey;
import io.egress.core.timeline.RowKeys;
import io.egress.core.timeline.TimelineMarker;
import io.egress.detect.Finding;
import io.egress.detect.TimeSpan;

/**
 * Turns findings into timeline markers: one per finding, on the row of the host or process its
 * evidence points at, at the first moment of that evidence. The timeline knows nothing of detectors;
 * this is the one place where the two meet.
 */
public final class FindingMarkers {
    private FindingMarkers() {
    }

    /**
     * @param findings the findings of one capture
     * @param flows    that capture's flows; evidence flow ids index this list
     * @param rows     how the timeline assigns flows to rows
     */
    public static List<TimelineMarker> of(List<Finding> findings, List<? extends Flow> flows, RowKeys rows) {
        List<TimelineMarker> markers = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Optional<Flow> first = f.evidence().flows().stream()
                    .filter(i -> i >= 0 && i < flows.size()).map(i -> (Flow) flows.get(i)).findFirst();
            RowKey row = first.map(rows::ownerOf).orElse(null);
            if (row == null) {
                continue; // a finding about no flow of this capture (e.g. an executable) has no place on the axis
            }
            long time = f.evidence().timeRanges().stream().mapToLong(TimeSpan::firstNanos).min()
                    .orElse(first.get().firstNanos());
            markers.add(new TimelineMarker(row, time, MarkerSeverity.valueOf(f.severity().name()),
                    f.severity().id() + " " + f.score() + ": " + f.title()));
        }
        return markers;
    }
}
