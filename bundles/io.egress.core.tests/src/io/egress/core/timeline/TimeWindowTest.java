package io.egress.core.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeWindowTest {

    @Test
    void zoomKeepsTheAnchorUnderThePointer() {
        TimeWindow w = new TimeWindow(1_000_000, 2_000_000);
        long anchor = 1_250_000;
        TimeWindow in = w.zoom(anchor, 0.5);
        assertEquals(500_000, in.span());
        assertEquals(w.pixelOf(anchor, 1000), in.pixelOf(anchor, 1000));
        TimeWindow back = in.zoom(anchor, 2);
        assertEquals(w, back);
    }

    @Test
    void pixelsMapBackToTheirTimes() {
        TimeWindow w = new TimeWindow(1_700_000_000_000_000_000L, 1_700_000_003_600_000_000L);
        for (int x = 0; x < 1500; x += 37) {
            assertEquals(x, w.pixelOf(w.nanosAt(x + 0.5, 1500), 1500));
        }
    }

    @Test
    void clampAndRevealKeepTheFlowOnScreen() {
        TimeWindow w = new TimeWindow(0, 100);
        assertEquals(new TimeWindow(0, 100), new TimeWindow(-50, 50).clampTo(0, 1000));
        TimeWindow r = w.reveal(500, 510);
        assertTrue(r.overlaps(500, 510) && r.startNanos() <= 500 && r.endNanos() >= 510, r.toString());
        assertEquals(w.span(), r.span());
    }
}
