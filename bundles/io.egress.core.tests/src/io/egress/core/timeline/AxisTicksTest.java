package io.egress.core.timeline;

import static io.egress.core.timeline.TestFlows.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class AxisTicksTest {

    @Test
    void anHourOnAThousandPixelsGetsFiveMinuteTicks() {
        long start = 1_700_000_000L * S; // 2023-11-14T22:13:20Z
        TimeWindow hour = new TimeWindow(start, start + 3600 * S);
        assertEquals(5 * 60 * S, AxisTicks.step(hour, 1000, 80));
        List<AxisTicks.Tick> abs = AxisTicks.absolute(hour, 1000, 80, ZoneId.of("UTC"));
        assertEquals("22:15", abs.get(0).label());
        List<AxisTicks.Tick> rel = AxisTicks.relative(hour, 1000, 80, start);
        assertEquals("+0:00:00", rel.get(0).label());
        assertEquals("+0:05:00", rel.get(1).label());
        assertTrue(AxisTicks.context(hour, ZoneId.of("Europe/Berlin")).startsWith("2023-11-14 Europe/Berlin (+01:00)"));
    }

    @Test
    void microsecondWindowsGetSubSecondLabels() {
        TimeWindow w = new TimeWindow(5 * S, 5 * S + 10_000);
        List<AxisTicks.Tick> rel = AxisTicks.relative(w, 1000, 80, 5 * S);
        assertEquals("+0.000001 s", rel.get(1).label());
    }
}
