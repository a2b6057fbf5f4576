package io.egress.ui.timeline;

import static io.egress.ui.tests.Workbench.waitUntil;
import static io.egress.ui.tests.Workbench.workbench;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.viewers.StructuredSelection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.egress.capture.CaptureAnalysis;
import io.egress.core.conversations.HostGroups;
import io.egress.core.flow.Flow;
import io.egress.core.net.IpAddresses;
import io.egress.core.timeline.Buckets;
import io.egress.core.timeline.MarkerSeverity;
import io.egress.core.timeline.RowKey;
import io.egress.core.timeline.TimelineMarker;
import io.egress.core.timeline.TimeWindow;
import io.egress.core.timeline.TimelineRow;
import io.egress.tests.support.SharedData;
import io.egress.ui.internal.capture.CaptureLoadJob;
import io.egress.ui.internal.capture.CaptureOpening;
import io.egress.ui.internal.connections.ConnectionsPart;
import io.egress.ui.internal.conversations.ConversationsPart;
import io.egress.ui.internal.session.SelectionTopics;
import io.egress.ui.internal.session.TimeRange;
import io.egress.ui.timeline.internal.TimelineCanvas;
import io.egress.ui.timeline.internal.TimelinePart;

/** The flow timeline in the running workbench, on a shared capture opened like File > Open Capture. */
class TimelineUiTest {
    private static final String TIMELINE_PART = "io.egress.ui.part.timeline";

    private IEclipseContext ctx;
    private CaptureAnalysis capture;
    private TimelinePart part;
    private TimelineCanvas timeline;

    @BeforeEach
    void openCapture() throws Exception {
        MApplication app = workbench().getApplication();
        ctx = app.getContext();
        CaptureLoadJob job = CaptureOpening.open(SharedData.captures().resolve("zeek-wikipedia.pcap"), ctx);
        waitUntil(() -> job.getResult() != null, 60_000);
        assertNotNull(job.result(), () -> "load failed: " + job.failure());
        capture = job.result();
        MPart mpart = (MPart) ctx.get(EModelService.class).find(TIMELINE_PART, app);
        assertNotNull(mpart, "the timeline part is contributed to the application model");
        ctx.get(EPartService.class).showPart(mpart, PartState.VISIBLE);
        part = (TimelinePart) mpart.getObject();
        assertNotNull(part, "timeline part was created");
        waitUntil(() -> part.shown() == capture, 30_000);
        timeline = part.timeline();
        ctx.get(IEventBroker.class).send(SelectionTopics.TIME_RANGE, TimeRange.ALL);
    }

    @Test
    void rowsAreTheInitiatingHostsOfTheCapture() throws Exception {
        Set<String> hosts = capture.flows().stream().map(f -> IpAddresses.format(IpAddresses.unmapV4(f.initiator())))
                .collect(Collectors.toSet());
        Set<String> rows = timeline.model().owners().stream().map(r -> r.owner().id()).collect(Collectors.toSet());
        assertEquals(hosts, rows);
        assertEquals(hosts.size(), timeline.lines().size(), "collapsed: one line per host");
        assertEquals(capture.flows().size(), timeline.model().owners().stream().mapToInt(r -> r.intervals().size()).sum());
    }

    @Test
    void theMerlinBeaconFindingIsMarkedOnItsHostsRow() throws Exception {
        CaptureLoadJob job = CaptureOpening.open(SharedData.captures().resolve("zeek-quic-merlinc2-beacon.pcapng"), ctx);
        waitUntil(() -> job.getResult() != null, 60_000);
        CaptureAnalysis merlin = job.result();
        // the model is built first, the detectors' markers follow when their job ends
        waitUntil(() -> part.shown() == merlin && !timeline.model().markers().isEmpty(), 60_000);
        List<TimelineMarker> markers = timeline.model().markersOf(RowKey.host("10.0.0.4"));
        assertEquals(1, markers.size(), timeline.model().markers().toString());
        TimelineMarker beacon = markers.get(0);
        assertEquals(MarkerSeverity.MEDIUM, beacon.severity());
        assertTrue(beacon.label().contains("beaconing to 24.199.110.233"), beacon.label());
        assertTrue(beacon.timeNanos() >= merlin.flows().get(0).firstNanos() && beacon.timeNanos() <= merlin.flows().get(0).lastNanos(),
                "marker within the beacon's flow");
        // the detectors' bursts are drawn inside the one long flow: 13 dense runs with silence between
        TimelineRow host = timeline.model().owners().get(0);
        timeline.setWindow(timeline.model().extent());
        waitUntil(() -> timeline.isSettled() && timeline.currentBuckets(host) != null, 10_000);
        Buckets b = timeline.currentBuckets(host);
        int runs = 0;
        boolean inRun = false;
        for (int x = b.firstCovered(); x <= b.lastCovered(); x++) {
            assertEquals(1, b.flows(x), "the bar spans the flow, column " + x);
            boolean active = b.packets(x) > 1e-3; // rounding of the spread rates leaves crumbs, not packets
            runs += active && !inRun ? 1 : 0;
            inRun = active;
        }
        assertEquals(13, runs, "one run of packets per beacon check-in");
    }

    @Test
    void aFlowsBarSpansItsFirstAndLastPacket() throws Exception {
        // the window may not leave the capture by more than its margin, so take a flow with room around it
        int flow = longestFlowWithRoomAroundIt();
        Flow f = capture.flows().get(flow);
        timeline.reveal(flow);
        // a known zoom: the flow fills the middle third of the graph
        long d = f.lastNanos() - f.firstNanos();
        timeline.setWindow(new TimeWindow(f.firstNanos() - d, f.lastNanos() + d));
        TimelineRow line = timeline.model().flowLine(flow).orElseThrow();
        waitUntil(() -> timeline.isSettled() && timeline.currentBuckets(line) != null, 10_000);
        Buckets b = timeline.currentBuckets(line);
        int width = timeline.graphWidth();
        assertEquals(timeline.window().pixelOf(f.firstNanos(), width), b.firstCovered());
        assertEquals(timeline.window().pixelOf(f.lastNanos(), width), b.lastCovered());
        assertEquals(width / 3, b.firstCovered(), 1.0, "first packet one third in");
        assertEquals(2 * width / 3, b.lastCovered(), 1.0, "last packet two thirds in");
    }

    @Test
    void zoomingInAndOutKeepsTheSelectedFlowVisible() throws Exception {
        int flow = longestFlow();
        Flow f = capture.flows().get(flow);
        timeline.selectFlow(flow);
        for (int i = 0; i < 8; i++) {
            timeline.zoomIn();
            assertTrue(timeline.window().overlaps(f.firstNanos(), f.lastNanos()), "zoom in " + i + ": " + timeline.window());
        }
        for (int i = 0; i < 12; i++) {
            timeline.zoomOut();
            assertTrue(timeline.window().overlaps(f.firstNanos(), f.lastNanos()), "zoom out " + i + ": " + timeline.window());
        }
        assertEquals(flow, timeline.selectedFlow());
    }

    @Test
    void selectingAFlowHereSelectsItInTheConversationsAndConnectionsViews() throws Exception {
        MApplication app = ctx.get(MApplication.class);
        MPart connectionsPart = (MPart) ctx.get(EModelService.class).find("io.egress.ui.part.connections", app);
        ctx.get(EPartService.class).showPart(connectionsPart, PartState.CREATE);
        ConnectionsPart connections = (ConnectionsPart) connectionsPart.getObject();
        MPart conv = (MPart) ctx.get(EModelService.class).find(CaptureOpening.CONVERSATIONS_PART, app);
        ConversationsPart view = (ConversationsPart) conv.getObject();
        assertNotNull(view);
        waitUntil(() -> view.index().size() == capture.flows().size(), 30_000);
        // the connections view shows the capture opened last, grouped by host (built in a job)
        waitUntil(() -> connections.showsHostsOf(capture), 30_000);
        connections.captureHostsViewer().setSelection(StructuredSelection.EMPTY);
        int flow = capture.flows().size() / 2;
        Flow f = capture.flows().get(flow);

        timeline.selectFlow(flow);

        waitUntil(() -> view.table().selectedRow() >= 0 && view.index().flowAt(view.table().selectedRow()) == flow, 10_000);
        assertEquals(flow, timeline.selectedFlow());
        waitUntil(() -> !connections.captureHostsViewer().getStructuredSelection().isEmpty(), 10_000);
        HostGroups.Destination d = (HostGroups.Destination) connections.captureHostsViewer().getStructuredSelection().getFirstElement();
        assertEquals(IpAddresses.format(f.initiator()), d.host());
        assertEquals(IpAddresses.format(f.responder()), d.remote());
    }

    /** The longest flow that a window three times its length, centred on it, can show unclamped. */
    private int longestFlowWithRoomAroundIt() {
        TimeWindow extent = timeline.model().extent();
        long margin = extent.span() / 20;
        return IntStream.range(0, capture.flows().size()).boxed().filter(i -> {
            Flow f = capture.flows().get(i);
            long d = f.durationNanos();
            return d > 0 && f.firstNanos() - d >= extent.startNanos() - margin && f.lastNanos() + d <= extent.endNanos() + margin;
        }).max(Comparator.comparingLong(i -> capture.flows().get(i).durationNanos())).orElseThrow();
    }

    private int longestFlow() {
        return IntStream.range(0, capture.flows().size()).boxed()
                .max(Comparator.comparingLong(i -> capture.flows().get(i).durationNanos())).orElseThrow();
    }
}
