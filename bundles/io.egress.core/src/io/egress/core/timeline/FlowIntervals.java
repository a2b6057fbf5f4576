package io.egress.core.timeline;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * A set of flows as time intervals, sorted by first packet, answering "which flows overlap
 * [from, to]" without visiting the others: a binary search bounds the flows that start before
 * {@code to}, and the largest last-packet time of each block of {@value #BLOCK} lets whole blocks
 * that ended before {@code from} be skipped. Memory is per flow, never per unit of time, so long
 * silences cost nothing.
 */
public final class FlowIntervals {
    static final int BLOCK = 64;

    private final int[] flowIndex;
    private final long[] first;
    private final long[] last;
    private final long[] packets;
    private final long[] bytes;
    private final long[] blockMaxLast;

    private FlowIntervals(int[] flowIndex, long[] first, long[] last, long[] packets, long[] bytes) {
        this.flowIndex = flowIndex;
        this.first = first;
        this.last = last;
        this.packets = packets;
        this.bytes = bytes;
        this.blockMaxLast = new long[(first.length + BLOCK - 1) / BLOCK];
        Arrays.fill(blockMaxLast, Long.MIN_VALUE);
        for (int i = 0; i < last.length; i++) {
            blockMaxLast[i / BLOCK] = Math.max(blockMaxLast[i / BLOCK], last[i]);
        }
    }

    /** Sorts the given flows (parallel arrays, any order) by first packet time. */
    public static FlowIntervals of(int[] flowIndex, long[] first, long[] last, long[] packets, long[] bytes) {
        int n = flowIndex.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // captures are nearly in time order already, which TimSort handles in about linear time
        Arrays.sort(order, (a, b) -> first[a] != first[b] ? Long.compare(first[a], first[b]) : Integer.compare(flowIndex[a], flowIndex[b]));
        int[] fi = new int[n];
        long[] f = new long[n];
        long[] l = new long[n];
        long[] p = new long[n];
        long[] b = new long[n];
        for (int i = 0; i < n; i++) {
            int o = order[i];
            fi[i] = flowIndex[o];
            f[i] = first[o];
            l[i] = Math.max(first[o], last[o]);
            p[i] = packets[o];
            b[i] = bytes[o];
        }
        return new FlowIntervals(fi, f, l, p, b);
    }

    /** Flows already in first-packet order (no sorting; a grouping pass over a sorted set keeps the order). */
    static FlowIntervals ofSorted(int[] flowIndex, long[] first, long[] last, long[] packets, long[] bytes) {
        long[] l = last.clone();
        for (int i = 0; i < l.length; i++) {
            l[i] = Math.max(first[i], l[i]);
        }
        return new FlowIntervals(flowIndex, first, l, packets, bytes);
    }

    public int size() {
        return first.length;
    }

    public int flowIndex(int position) {
        return flowIndex[position];
    }

    public long first(int position) {
        return first[position];
    }

    public long last(int position) {
        return last[position];
    }

    public long packets(int position) {
        return packets[position];
    }

    public long bytes(int position) {
        return bytes[position];
    }

    /** Earliest first packet; Long.MAX_VALUE when empty. */
    public long minFirst() {
        return first.length == 0 ? Long.MAX_VALUE : first[0];
    }

    /** Latest last packet; Long.MIN_VALUE when empty. */
    public long maxLast() {
        long max = Long.MIN_VALUE;
        for (long m : blockMaxLast) {
            max = Math.max(max, m);
        }
        return max;
    }

    /** The position of a flow, or -1. Linear: for revealing one flow, not for painting. */
    public int positionOf(int flow) {
        for (int i = 0; i < flowIndex.length; i++) {
            if (flowIndex[i] == flow) {
                return i;
            }
        }
        return -1;
    }

    /** Calls {@code action} with the position of every flow overlapping [from, to], in first-packet order. */
    public void forEachOverlapping(long from, long to, IntConsumer action) {
        int end = upperBound(to);
        for (int block = 0; block * BLOCK < end; block++) {
            if (blockMaxLast[block] < from) {
                continue;
            }
            int stop = Math.min(end, (block + 1) * BLOCK);
            for (int i = block * BLOCK; i < stop; i++) {
                if (last[i] >= from) {
                    action.accept(i);
                }
            }
        }
    }

    /** The number of flows whose first packet is at or before {@code t}. */
    private int upperBound(long t) {
        int lo = 0;
        int hi = first.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (first[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@link #buckets(TimeWindow, int, FlowActivity)} with packets spread evenly over each flow. */
    public Buckets buckets(TimeWindow window, int width) {
        return buckets(window, width, FlowActivity.NONE);
    }

    /**
     * What fits the pixels: {@code width} columns of {@code window}, each with the flows that
     * overlap it and their packets. Costs one step per overlapping flow (difference arrays) plus
     * one per column, whatever the flows' lengths; a flow with recorded bursts costs one step per
     * burst on screen instead, and its packets are placed in its bursts, not spread over the flow.
     */
    public Buckets buckets(TimeWindow window, int width, FlowActivity activity) {
        int[] countDiff = new int[width + 1];
        double[] rateDiff = new double[width + 1];
        float[] packetsIn = new float[width];
        double nanosPerColumn = (double) window.span() / width;
        forEachOverlapping(window.startNanos(), window.endNanos() - 1, i -> {
            int x0 = Math.max(0, window.pixelOf(first[i], width));
            int x1 = Math.min(width - 1, window.pixelOf(last[i], width));
            countDiff[x0]++;
            countDiff[x1 + 1]--;
            Optional<FlowActivity.Bursts> bursts = activity.of(flowIndex[i]);
            if (bursts.isPresent()) {
                FlowActivity.Bursts b = bursts.get();
                for (int k = b.firstEndingAtOrAfter(window.startNanos()); k < b.count() && b.startNanos()[k] < window.endNanos(); k++) {
                    spread(window, width, nanosPerColumn, b.startNanos()[k], b.endNanos()[k], b.packets()[k], packetsIn, rateDiff);
                }
            } else {
                spread(window, width, nanosPerColumn, first[i], last[i], packets[i], packetsIn, rateDiff);
            }
        });
        int[] flows = new int[width];
        int count = 0;
        double rate = 0;
        for (int x = 0; x < width; x++) {
            count += countDiff[x];
            rate += rateDiff[x];
            flows[x] = count;
            packetsIn[x] += (float) Math.max(0, rate);
        }
        return new Buckets(window, flows, packetsIn);
    }

    /** Adds {@code packets} sent evenly between {@code from} and {@code to} to the columns they cover. */
    private static void spread(TimeWindow window, int width, double nanosPerColumn, long from, long to, long packets,
            float[] packetsIn, double[] rateDiff) {
        int x0 = Math.max(0, window.pixelOf(from, width));
        int x1 = Math.min(width - 1, window.pixelOf(to, width));
        if (x0 == x1 && from >= window.startNanos() && to < window.endNanos()) {
            packetsIn[x0] += packets;
        } else {
            double perColumn = packets * nanosPerColumn / Math.max(1, to - from);
            rateDiff[x0] += perColumn;
            rateDiff[x1 + 1] -= perColumn;
        }
    }
}
