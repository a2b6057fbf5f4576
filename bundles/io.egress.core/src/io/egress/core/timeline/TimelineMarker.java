package io.egress.core.timeline;

import java.util.Objects;

/**
 * A point of interest on a row, e.g. a finding. Whoever knows findings builds these and hands them
 * to {@link TimelineModel#withMarkers}; the timeline only draws them.
 *
 * @param rowKey    the top-level row it belongs to
 * @param timeNanos when, in epoch nanoseconds
 * @param severity  colour and precedence
 * @param label     tool tip text
 */
public record TimelineMarker(RowKey rowKey, long timeNanos, MarkerSeverity severity, String label) {
    public TimelineMarker {
        Objects.requireNonNull(rowKey, "rowKey");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(label, "label");
    }
}
