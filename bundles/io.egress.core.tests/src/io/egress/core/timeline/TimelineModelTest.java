package io.egress.core.timeline;

import static io.egress.core.timeline.TestFlows.S;
import static io.egress.core.timeline.TestFlows.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.egress.core.flow.Flow;
import io.egress.core.progress.Progress;

class TimelineModelTest {

    @Test
    void groupsFlowsByInitiatingHostThenDestination() {
        List<Flow> flows = List.of(
                tcp("10.0.0.2", 40000, "93.184.216.34", 443, 1 * S, 2 * S, 10),
                tcp("10.0.0.3", 40001, "93.184.216.34", 443, 3 * S, 4 * S, 10),
                tcp("10.0.0.2", 40002, "93.184.216.34", 443, 5 * S, 6 * S, 10),
                tcp("10.0.0.2", 40003, "1.1.1.1", 53, 7 * S, 7 * S, 2));
        TimelineModel model = TimelineModel.build(flows, RowKeys.byInitiatorHost(), Progress.NONE);
        assertEquals(List.of("10.0.0.2", "10.0.0.3"), model.owners().stream().map(r -> r.owner().label()).toList());
        TimelineRow host = model.owners().get(0);
        assertEquals(3, host.intervals().size());
        assertEquals(List.of("tcp 93.184.216.34:443", "tcp 1.1.1.1:53"), host.children().stream().map(r -> r.destination().label()).toList());
        assertEquals(2, host.children().get(0).children().size(), "one flow line per flow");
        assertEquals(2, model.flowLine(2).orElseThrow().flowIndex());
        assertEquals(new TimeWindow(1 * S, 7 * S), model.extent());

        Set<TimelineRow> expanded = Set.of(host, host.children().get(0));
        List<TimelineRow> lines = model.lines(expanded::contains);
        assertEquals(6, lines.size(), lines.toString());
        assertEquals(TimelineRow.Level.FLOW, lines.get(2).level());
    }

    @Test
    void intervalPictureShowsTheBeaconsRhythm() {
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long start = i * 60 * S + (i % 3) * S / 10;
            flows.add(tcp("10.0.0.2", 40000 + i, "24.199.110.233", 443, start, start + S, 12));
        }
        TimelineModel model = TimelineModel.build(flows, RowKeys.byInitiatorHost(), Progress.NONE);
        IntervalPicture picture = IntervalPicture.of(model.owners().get(0).children().get(0).intervals());
        assertEquals(49, picture.gapsNanos().length);
        assertEquals(60 * S, picture.medianGapNanos(), S / 5);
        assertTrue(picture.jitter() < 0.01, "clockwork: " + picture.jitter());
        assertEquals(49, java.util.Arrays.stream(picture.histogram().counts()).sum());
        assertEquals(50, picture.bytes().length);
    }

    @Test
    void aBeaconInsideOneLongConnectionIsTimedByItsBursts() {
        // one connection held open for ten minutes, checking in every 15 s (Merlin's C2 over QUIC)
        List<Flow> flows = List.of(tcp("10.0.0.4", 53241, "24.199.110.233", 443, 0, 600 * S, 40 * 700));
        int n = 40;
        long[] start = new long[n];
        long[] end = new long[n];
        long[] packets = new long[n];
        long[] bytes = new long[n];
        for (int i = 0; i < n; i++) {
            start[i] = i * 15 * S + (i % 2) * S / 20;
            end[i] = start[i] + S / 2;
            packets[i] = 8;
            bytes[i] = 700;
        }
        TimelineModel model = TimelineModel.build(flows, RowKeys.byInitiatorHost(), Progress.NONE)
                .withActivity(FlowActivity.of(java.util.Map.of(0, new FlowActivity.Bursts(start, end, packets, bytes))));
        FlowIntervals destination = model.owners().get(0).children().get(0).intervals();

        assertEquals(0, IntervalPicture.of(destination).gapsNanos().length, "as connections: one, no rhythm");
        IntervalPicture picture = IntervalPicture.of(destination, model.activity());
        assertEquals(39, picture.gapsNanos().length);
        assertEquals(15 * S, picture.medianGapNanos(), S / 10);
        assertTrue(picture.jitter() < 0.01, "clockwork: " + picture.jitter());
        assertEquals(700, picture.bytes()[0]);
    }

    @Test
    void markersBelongToTheirRow() {
        TimelineModel model = TimelineModel.build(List.of(tcp("10.0.0.2", 1, "1.1.1.1", 53, S, S, 1)), RowKeys.byInitiatorHost(),
                Progress.NONE);
        TimelineMarker m = new TimelineMarker(RowKey.host("10.0.0.2"), S, MarkerSeverity.HIGH, "beacon");
        TimelineModel marked = model.withMarkers(List.of(m));
        assertEquals(List.of(m), marked.markersOf(model.owners().get(0).owner()));
        assertTrue(marked.markersOf(RowKey.host("10.0.0.9")).isEmpty());
    }
}
