package io.egress.core.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A line of the time graph: an owner (host or process), one of its destinations, or one flow.
 * Owners and destinations aggregate their flows; a flow line is a single bar. Flow lines are made
 * only when their destination is first expanded, so a million flows cost no lines until looked at.
 */
public final class TimelineRow {
    public enum Level {
        OWNER, DESTINATION, FLOW
    }

    private final Level level;
    private final RowKey owner;
    private final DestinationKey destination;
    private final FlowIntervals intervals;
    private final TimelineRow parent;
    private List<TimelineRow> children;

    TimelineRow(Level level, RowKey owner, DestinationKey destination, FlowIntervals intervals, TimelineRow parent) {
        this.level = level;
        this.owner = owner;
        this.destination = destination;
        this.intervals = intervals;
        this.parent = parent;
    }

    public Level level() {
        return level;
    }

    public RowKey owner() {
        return owner;
    }

    /** The destination of a destination or flow line; null on owner lines. */
    public DestinationKey destination() {
        return destination;
    }

    public FlowIntervals intervals() {
        return intervals;
    }

    /** The parent line; null for owners. */
    public TimelineRow parent() {
        return parent;
    }

    public int depth() {
        return level.ordinal();
    }

    /** The flow of a flow line; -1 on the others. */
    public int flowIndex() {
        return level == Level.FLOW ? intervals.flowIndex(0) : -1;
    }

    public boolean expandable() {
        return level != Level.FLOW;
    }

    void setChildren(List<TimelineRow> rows) {
        children = List.copyOf(rows);
    }

    /** Destinations of an owner, flows of a destination (made on first call), none for a flow. */
    public synchronized List<TimelineRow> children() {
        if (children == null) {
            children = level == Level.DESTINATION ? flowLines() : List.of();
        }
        return children;
    }

    private List<TimelineRow> flowLines() {
        List<TimelineRow> lines = new ArrayList<>(intervals.size());
        for (int i = 0; i < intervals.size(); i++) {
            FlowIntervals one = FlowIntervals.ofSorted(new int[] { intervals.flowIndex(i) }, new long[] { intervals.first(i) },
                    new long[] { intervals.last(i) }, new long[] { intervals.packets(i) }, new long[] { intervals.bytes(i) });
            lines.add(new TimelineRow(Level.FLOW, owner, destination, one, this));
        }
        return lines;
    }

    @Override
    public String toString() {
        return switch (level) {
            case OWNER -> owner.label();
            case DESTINATION -> destination.label();
            case FLOW -> "flow " + flowIndex();
        };
    }
}
