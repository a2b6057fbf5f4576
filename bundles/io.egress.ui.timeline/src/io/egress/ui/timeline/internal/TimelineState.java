package io.egress.ui.timeline.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import io.egress.core.timeline.Buckets;
import io.egress.core.timeline.TimeWindow;
import io.egress.core.timeline.TimelineModel;
import io.egress.core.timeline.TimelineRow;

/**
 * What one paint shows, so the same painter draws the screen and the exported PNG.
 *
 * @param buckets  the buckets of a row, possibly of another zoom (then drawn rescaled), or null
 * @param labels   the text of a row's label
 * @param expanded whether a line shows its children
 * @param selectedSpan {first, last} of the selected flow, null when none
 * @param overlay  a time range {start, end} being dragged or selected, null when none
 */
record TimelineState(TimelineModel model, TimeWindow window, List<TimelineRow> lines, int topLine, TimelineRow selectedRow,
        long[] selectedSpan, long[] overlay, boolean relative, ZoneId zone, Function<TimelineRow, Buckets> buckets,
        Function<TimelineRow, String> labels, Predicate<TimelineRow> expanded) {
}
