package io.egress.core.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class FlowIntervalsTest {

    @Test
    void overlapQueryFindsExactlyTheOverlappingFlows() {
        Random random = new Random(7);
        int n = 5_000;
        int[] idx = new int[n];
        long[] first = new long[n];
        long[] last = new long[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            first[i] = random.nextInt(1_000_000);
            // mostly short flows, a few very long ones: the block maxima must not hide them
            last[i] = first[i] + (i % 500 == 0 ? 900_000 : random.nextInt(2_000));
        }
        FlowIntervals intervals = FlowIntervals.of(idx, first, last, new long[n], new long[n]);
        for (int q = 0; q < 200; q++) {
            long from = random.nextInt(1_000_000);
            long to = from + random.nextInt(50_000);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (last[i] >= from && first[i] <= to) {
                    expected.add(i);
                }
            }
            List<Integer> found = new ArrayList<>();
            intervals.forEachOverlapping(from, to, p -> found.add(intervals.flowIndex(p)));
            found.sort(null);
            assertEquals(expected, found, "query " + from + ".." + to);
        }
    }

    @Test
    void bucketsCoverAFlowFromItsFirstToItsLastPixel() {
        FlowIntervals one = FlowIntervals.of(new int[] { 0 }, new long[] { 250 }, new long[] { 749 }, new long[] { 100 }, new long[] { 1 });
        TimeWindow window = new TimeWindow(0, 1000);
        Buckets b = one.buckets(window, 100);
        assertEquals(25, b.firstCovered());
        assertEquals(74, b.lastCovered());
        assertEquals(window.pixelOf(250, 100), b.firstCovered());
        double total = 0;
        for (int x = 0; x < b.width(); x++) {
            total += b.packets(x);
        }
        assertEquals(100, total, 2.0, "the flow's packets are spread over its columns");
    }

    @Test
    void aFlowsRecordedBurstsHoldItsPacketsAndTheGapsStayEmpty() {
        long ms = 1_000_000;
        // one flow over 0..999 ms whose 30 packets came in three bursts of 10 (a beacon on one connection)
        FlowIntervals one = FlowIntervals.of(new int[] { 7 }, new long[] { 0 }, new long[] { 999 * ms }, new long[] { 30 }, new long[] { 1 });
        FlowActivity activity = FlowActivity.of(java.util.Map.of(7, new FlowActivity.Bursts(
                new long[] { 0, 500 * ms, 990 * ms }, new long[] { 9 * ms, 509 * ms, 999 * ms }, new long[] { 10, 10, 10 },
                new long[] { 900, 900, 900 })));
        Buckets b = one.buckets(new TimeWindow(0, 1000 * ms), 100, activity);

        assertEquals(0, b.firstCovered(), "the bar still spans the whole flow");
        assertEquals(99, b.lastCovered());
        assertEquals(10, b.packets(0), 0.01);
        assertEquals(10, b.packets(50), 0.01);
        assertEquals(10, b.packets(99), 0.01);
        assertEquals(0, b.packets(25), "silence between bursts");
        assertEquals(1, b.flows(25));
        double total = 0;
        for (int x = 0; x < b.width(); x++) {
            total += b.packets(x);
        }
        assertEquals(30, total, 0.01);
        // zoomed in on the middle burst: its packets spread over its ten columns, nothing around it
        Buckets zoomed = one.buckets(new TimeWindow(495 * ms, 515 * ms), 20, activity);
        assertEquals(0, zoomed.packets(2));
        assertEquals(1, zoomed.packets(10), 0.2);
        assertEquals(0, zoomed.packets(17));
        assertEquals(1, zoomed.flows(2), "inside the flow's bar");
    }

    @Test
    void silenceCostsNoMemory() {
        // two flows ten years apart: the index holds two entries, the buckets one array per pixel
        long year = 365L * 24 * 3600 * TestFlows.S;
        FlowIntervals two = FlowIntervals.of(new int[] { 0, 1 }, new long[] { 0, 10 * year }, new long[] { TestFlows.S, 10 * year + TestFlows.S },
                new long[] { 5, 5 }, new long[] { 1, 1 });
        Buckets b = two.buckets(new TimeWindow(0, 10 * year + 2 * TestFlows.S), 1000);
        assertEquals(0, b.firstCovered());
        assertEquals(999, b.lastCovered());
        assertEquals(1000, b.width());
    }
}
