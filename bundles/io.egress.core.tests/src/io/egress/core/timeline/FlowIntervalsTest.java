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
