package io.egress.core.conversations;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.egress.core.flow.Flow;
import io.egress.core.net.AddressFacts;
import io.egress.core.progress.Progress;

/**
 * Which flows a conversations table shows, in which order: a filtered, sorted permutation of
 * indexes into the flow list. Built off the UI thread; the table then reads only the rows it
 * displays, so a million flows are never all turned into rows.
 *
 * @param rows indexes into the flow list, in display order
 */
public record ConversationIndex(int[] rows) {

    public int size() {
        return rows.length;
    }

    public int flowAt(int displayRow) {
        return rows[displayRow];
    }

    /** The display row of a flow, or -1 when it is filtered out. */
    public int displayRowOf(int flowIndex) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == flowIndex) {
                return i;
            }
        }
        return -1;
    }

    /** All flows in capture order. */
    public static ConversationIndex all(int size) {
        int[] rows = new int[size];
        Arrays.setAll(rows, i -> i);
        return new ConversationIndex(rows);
    }

    /**
     * Filters by a case-insensitive text matched against every column, then sorts.
     *
     * @return the index, or the rows found so far in capture order when cancelled
     */
    public static ConversationIndex build(List<Flow> flows, long captureStartNanos, String filter,
            ConversationColumn sortBy, boolean descending, Progress progress) {
        return build(flows, captureStartNanos, filter, Long.MIN_VALUE, Long.MAX_VALUE, sortBy, descending, progress);
    }

    /**
     * As {@link #build(List, long, String, ConversationColumn, boolean, Progress)}, keeping only
     * flows that overlap [fromNanos, toNanos] (a time range chosen in the timeline).
     */
    public static ConversationIndex build(List<Flow> flows, long captureStartNanos, String filter, long fromNanos, long toNanos,
            ConversationColumn sortBy, boolean descending, Progress progress) {
        return build(flows, captureStartNanos, filter, fromNanos, toNanos, sortBy, descending, AddressFacts.NONE, progress);
    }

    /** As above, with the responders' country and network for filtering and sorting by them. */
    public static ConversationIndex build(List<Flow> flows, long captureStartNanos, String filter, long fromNanos, long toNanos,
            ConversationColumn sortBy, boolean descending, AddressFacts facts, Progress progress) {
        String needle = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        int n = flows.size();
        int[] kept = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 0xfff) == 0) {
                progress.worked(i, n * 2L);
                if (progress.isCanceled()) {
                    return new ConversationIndex(Arrays.copyOf(kept, count));
                }
            }
            Flow f = flows.get(i);
            if (f.lastNanos() >= fromNanos && f.firstNanos() <= toNanos && (needle.isEmpty() || matches(f, captureStartNanos, needle, facts))) {
                kept[count++] = i;
            }
        }
        Integer[] boxed = new Integer[count];
        for (int i = 0; i < count; i++) {
            boxed[i] = kept[i];
        }
        if (sortBy != null) {
            // materialise each kept flow once, then sort by the cached values
            Flow[] cache = new Flow[count];
            for (int i = 0; i < count; i++) {
                cache[i] = flows.get(boxed[i]);
            }
            Integer[] positions = new Integer[count];
            Arrays.setAll(positions, i -> i);
            Comparator<Flow> order = sortBy.order(facts);
            Comparator<Integer> byFlow = (a, b) -> order.compare(cache[a], cache[b]);
            Arrays.sort(positions, descending ? byFlow.reversed() : byFlow);
            Integer[] sorted = new Integer[count];
            for (int i = 0; i < count; i++) {
                sorted[i] = boxed[positions[i]];
            }
            boxed = sorted;
        }
        progress.worked(n * 2L, n * 2L);
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = boxed[i];
        }
        return new ConversationIndex(rows);
    }

    private static boolean matches(Flow f, long start, String needle, AddressFacts facts) {
        for (ConversationColumn c : ConversationColumn.values()) {
            if (c.text(f, start, facts).toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
