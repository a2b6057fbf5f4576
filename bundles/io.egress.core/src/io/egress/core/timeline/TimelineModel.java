package io.egress.core.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.egress.core.flow.Flow;
import io.egress.core.progress.Progress;

/**
 * The flows of a capture arranged for the time graph: owners (hosts or processes), their
 * destinations, and the flows of each, all as {@link FlowIntervals}. Immutable once built; built
 * off the UI thread.
 */
public final class TimelineModel {
    private final List<TimelineRow> owners;
    private final FlowIntervals all;
    private final TimelineRow[] destinationOfFlow;
    private final List<TimelineMarker> markers;
    /** Markers per row, so painting a row does not look through all of them. */
    private final Map<RowKey, List<TimelineMarker>> markersByRow;

    private final FlowActivity activity;

    private TimelineModel(List<TimelineRow> owners, FlowIntervals all, TimelineRow[] destinationOfFlow, List<TimelineMarker> markers,
            FlowActivity activity) {
        this.owners = owners;
        this.activity = activity;
        this.all = all;
        this.destinationOfFlow = destinationOfFlow;
        this.markers = List.copyOf(markers);
        this.markersByRow = markers.stream().collect(Collectors.groupingBy(TimelineMarker::rowKey));
    }

    public static TimelineModel empty() {
        return new TimelineModel(List.of(), FlowIntervals.of(new int[0], new long[0], new long[0], new long[0], new long[0]),
                new TimelineRow[0], List.of(), FlowActivity.NONE);
    }

    /** Groups {@code flows} (indexes are their positions in the list) by owner and destination. */
    public static TimelineModel build(List<Flow> flows, RowKeys rowKeys, Progress progress) {
        int n = flows.size();
        long[] first = new long[n];
        long[] last = new long[n];
        long[] packets = new long[n];
        long[] bytes = new long[n];
        RowKey[] ownerOf = new RowKey[n];
        DestinationKey[] destinationOf = new DestinationKey[n];
        for (int i = 0; i < n; i++) {
            if ((i & 0xfff) == 0) {
                progress.worked(i, n);
                if (progress.isCanceled()) {
                    return empty();
                }
            }
            Flow f = flows.get(i);
            first[i] = f.firstNanos();
            last[i] = f.lastNanos();
            packets[i] = f.packets();
            bytes[i] = f.bytes();
            ownerOf[i] = rowKeys.ownerOf(f);
            destinationOf[i] = DestinationKey.of(f.responder(), f.protocol(), f.responderPort());
        }
        int[] everything = new int[n];
        for (int i = 0; i < n; i++) {
            everything[i] = i;
        }
        // one sort for all; grouping in that order leaves every group sorted too
        FlowIntervals all = FlowIntervals.of(everything, first, last, packets, bytes);
        Map<RowKey, OwnerGroup> groups = new LinkedHashMap<>();
        for (int p = 0; p < n; p++) {
            int i = all.flowIndex(p);
            OwnerGroup g = groups.computeIfAbsent(ownerOf[i], k -> new OwnerGroup());
            g.flows.add(i);
            g.destinations.computeIfAbsent(destinationOf[i], k -> new IntList()).add(i);
        }
        TimelineRow[] destinationOfFlow = new TimelineRow[n];
        List<TimelineRow> owners = new ArrayList<>();
        for (Map.Entry<RowKey, OwnerGroup> owner : groups.entrySet()) {
            TimelineRow ownerRow = new TimelineRow(TimelineRow.Level.OWNER, owner.getKey(), null,
                    intervals(owner.getValue().flows, first, last, packets, bytes), null);
            List<TimelineRow> destinations = new ArrayList<>();
            for (Map.Entry<DestinationKey, IntList> d : owner.getValue().destinations.entrySet()) {
                TimelineRow row = new TimelineRow(TimelineRow.Level.DESTINATION, owner.getKey(), d.getKey(),
                        intervals(d.getValue(), first, last, packets, bytes), ownerRow);
                d.getValue().forEach(i -> destinationOfFlow[i] = row);
                destinations.add(row);
            }
            destinations.sort(BY_FIRST_ACTIVITY);
            ownerRow.setChildren(destinations);
            owners.add(ownerRow);
        }
        owners.sort(BY_FIRST_ACTIVITY);
        return new TimelineModel(List.copyOf(owners), all, destinationOfFlow, List.of(), FlowActivity.NONE);
    }

    /** An owner's flows and its destinations' flows, each list in first-packet order. */
    private static final class OwnerGroup {
        final IntList flows = new IntList();
        final Map<DestinationKey, IntList> destinations = new HashMap<>();
    }

    /** Earliest first; ties by the lowest flow index, which is unique per row and cheap to compare. */
    private static final Comparator<TimelineRow> BY_FIRST_ACTIVITY = Comparator
            .comparingLong((TimelineRow r) -> r.intervals().minFirst()).thenComparingInt(r -> r.intervals().flowIndex(0));

    private static FlowIntervals intervals(IntList flows, long[] first, long[] last, long[] packets, long[] bytes) {
        int[] idx = flows.toArray();
        long[] f = new long[idx.length];
        long[] l = new long[idx.length];
        long[] p = new long[idx.length];
        long[] b = new long[idx.length];
        for (int k = 0; k < idx.length; k++) {
            f[k] = first[idx[k]];
            l[k] = last[idx[k]];
            p[k] = packets[idx[k]];
            b[k] = bytes[idx[k]];
        }
        return FlowIntervals.ofSorted(idx, f, l, p, b);
    }

    /** The same rows with these markers. */
    public TimelineModel withMarkers(List<TimelineMarker> newMarkers) {
        return new TimelineModel(owners, all, destinationOfFlow, newMarkers, activity);
    }

    /** The same rows, drawing each flow's packets where its recorded bursts put them. */
    public TimelineModel withActivity(FlowActivity newActivity) {
        return new TimelineModel(owners, all, destinationOfFlow, markers, newActivity);
    }

    /** What is known of the packets inside each flow. */
    public FlowActivity activity() {
        return activity;
    }

    /** A row's buckets at pixel resolution, with this model's activity. */
    public Buckets buckets(TimelineRow row, TimeWindow window, int width) {
        return row.intervals().buckets(window, width, activity);
    }

    public List<TimelineRow> owners() {
        return owners;
    }

    /** Every flow of the capture. */
    public FlowIntervals all() {
        return all;
    }

    public int flowCount() {
        return destinationOfFlow.length;
    }

    public boolean isEmpty() {
        return all.size() == 0;
    }

    /** Earliest first packet, latest last packet; a 1 s window at 0 when empty. */
    public TimeWindow extent() {
        return isEmpty() ? new TimeWindow(0, 1_000_000_000L) : TimeWindow.covering(all.minFirst(), all.maxLast());
    }

    public List<TimelineMarker> markers() {
        return markers;
    }

    public List<TimelineMarker> markersOf(RowKey owner) {
        return markersByRow.getOrDefault(owner, List.of());
    }

    /** The destination line that holds a flow. */
    public Optional<TimelineRow> destinationOf(int flowIndex) {
        return flowIndex >= 0 && flowIndex < destinationOfFlow.length ? Optional.ofNullable(destinationOfFlow[flowIndex]) : Optional.empty();
    }

    /** The flow line of a flow (its destination's flow lines are made if needed). */
    public Optional<TimelineRow> flowLine(int flowIndex) {
        return destinationOf(flowIndex).flatMap(d -> d.children().stream().filter(r -> r.flowIndex() == flowIndex).findFirst());
    }

    /** The lines on screen, depth first, descending into the lines {@code expanded} accepts. */
    public List<TimelineRow> lines(Predicate<TimelineRow> expanded) {
        List<TimelineRow> out = new ArrayList<>();
        for (TimelineRow owner : owners) {
            addLines(owner, expanded, out);
        }
        return out;
    }

    private static void addLines(TimelineRow row, Predicate<TimelineRow> expanded, List<TimelineRow> out) {
        out.add(row);
        if (row.expandable() && expanded.test(row)) {
            for (TimelineRow child : row.children()) {
                addLines(child, expanded, out);
            }
        }
    }
}
