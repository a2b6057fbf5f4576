package io.egress.ui.internal.workspace;

import static io.egress.ui.tests.Workbench.waitUntil;
import static io.egress.ui.tests.Workbench.workbench;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.egress.capture.CaptureAnalysis;
import io.egress.capture.CaptureAnalyzer;
import io.egress.core.flow.Flow;
import io.egress.core.process.ExecutableState;
import io.egress.core.process.ProcessInfo;
import io.egress.core.progress.Progress;
import io.egress.core.socket.Attribution;
import io.egress.core.socket.AttributionMethod;
import io.egress.core.socket.Confidence;
import io.egress.core.socket.Connection;
import io.egress.core.socket.IpFamily;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;
import io.egress.core.socket.SocketState;
import io.egress.core.timeline.TimeWindow;
import io.egress.detect.DetectionReport;
import io.egress.detect.DetectorFailure;
import io.egress.live.AttributedFlow;
import io.egress.live.FlowOwner;
import io.egress.live.OwnerState;
import io.egress.tests.support.SharedData;
import io.egress.ui.internal.Messages;
import io.egress.ui.internal.capture.CaptureLoadJob;
import io.egress.ui.internal.capture.CaptureOpening;
import io.egress.ui.internal.connections.ConnectionsPart;
import io.egress.ui.internal.findings.FindingsPart;
import io.egress.ui.internal.live.LiveCapturing;
import io.egress.ui.internal.session.Investigation;
import io.egress.ui.internal.session.SavedLiveCapture;
import io.egress.ui.internal.session.ViewState;
import io.egress.ui.timeline.internal.TimelinePart;
import io.egress.workspace.PacketExportResult;
import io.egress.workspace.WorkspaceContent;
import io.egress.workspace.WorkspaceExporter;
import io.egress.workspace.WorkspaceStore;

/**
 * What a saved workspace brings back besides captures and findings: the live capture's flows under
 * their processes (a live session built in the test from a shared capture's flows: no capture rights
 * needed), the detectors that failed, the timeline's zoom; and with File &gt; Store Packets in
 * Workspace, a workspace that opens and exports pcapng after its capture file was deleted.
 */
class WorkspaceRestoresUiTest {
    private static final ProcessInfo CURL = new ProcessInfo(4242, 1_796_366_000_000L, "curl", "/usr/bin/curl", "curl https://example.org",
            "alice", 1000, 1, ExecutableState.PRESENT, "proc");

    @TempDir
    Path dir;

    private IEclipseContext ctx;
    private MApplication app;
    private final List<Path> saved = new ArrayList<>();

    @AfterEach
    void leaveEmpty() {
        if (ctx != null) {
            WorkspaceUi.newWorkspace(ctx);
            saved.forEach(f -> ctx.get(WorkspaceSession.class).recent().remove(f));
        }
    }

    /** The workbench window is up (the first test of a run may start before it is). */
    private void ready() throws InterruptedException {
        app = workbench().getApplication();
        ctx = app.getContext();
        waitUntil(() -> app.getSelectedElement() != null && app.getSelectedElement().getContext() != null
                && app.getSelectedElement().getWidget() instanceof org.eclipse.swt.widgets.Shell shell && shell.isVisible(), 30_000);
    }

    private <T> T part(String id, Class<T> type) {
        MPart p = (MPart) ctx.get(EModelService.class).find(id, app);
        ctx.get(EPartService.class).showPart(p, PartState.VISIBLE);
        return type.cast(p.getObject());
    }

    private void saveTo(Path file) throws InterruptedException {
        saved.add(file);
        WorkspaceSession.SaveJob save = WorkspaceUi.save(file, ctx);
        waitUntil(() -> save.getResult() != null, 60_000);
        assertNull(save.failure(), () -> "save failed: " + save.failure());
    }

    private WorkspaceSession.OpenJob open(Path file) throws InterruptedException {
        WorkspaceSession.OpenJob open = WorkspaceUi.open(file, ctx);
        waitUntil(() -> open.getResult() != null, 120_000);
        assertNull(open.failure(), () -> "open failed: " + open.failure());
        return open;
    }

    @Test
    void liveFlowsDetectorFailuresAndTimelineZoomComeBack() throws Exception {
        ready();
        Investigation investigation = ctx.get(Investigation.class);
        WorkspaceUi.newWorkspace(ctx);
        LiveCapturing capturing = ctx.get(LiveCapturing.class);
        waitUntil(() -> capturing.session().isEmpty(), 5_000); // New drops a stopped capture of an earlier test

        CaptureLoadJob load = CaptureOpening.open(SharedData.captures().resolve("zeek-wikipedia.pcap"), ctx);
        waitUntil(() -> load.result() != null && investigation.report(load.result()).isPresent(), 120_000);
        CaptureAnalysis capture = load.result();
        // a detector run with two failures, as the Findings view reports them
        DetectionReport ran = investigation.report(capture).orElseThrow();
        List<DetectorFailure> failures = List.of(new DetectorFailure("beaconing", DetectorFailure.Kind.TIMED_OUT, "ran past its 30000 ms budget"),
                new DetectorFailure("example.third-party", DetectorFailure.Kind.THREW, "java.lang.IllegalStateException: no model"));
        investigation.setReport(capture, new DetectionReport(ran.findings(), failures, ran.durations()));

        // a live capture's flows: the capture's first two IPv4 flows under curl, the rest unattributed
        long savedAt = 1_796_367_000_000L;
        List<AttributedFlow> liveFlows = new ArrayList<>();
        int owned = 0;
        for (int i = 0; i < capture.flows().size(); i++) {
            Flow f = capture.flows().get(i);
            boolean curl = owned < 2 && f.initiator().length == 4;
            owned += curl ? 1 : 0;
            liveFlows.add(new AttributedFlow(f, curl ? owned(f) : new FlowOwner(OwnerState.UNATTRIBUTED, Optional.empty(),
                    Attribution.of(AttributionMethod.NONE, Confidence.NONE))));
        }
        investigation.setSavedLive(new SavedLiveCapture(liveFlows, "lo", savedAt));
        ConnectionsPart connections = part("io.egress.ui.part.connections", ConnectionsPart.class);
        String label = "Live capture: lo (saved " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.systemDefault()).format(java.time.Instant.ofEpochMilli(savedAt)) + ")";
        waitUntil(() -> connections.sourceItems().contains(label), 10_000);

        // the timeline zoomed in to the middle half of the capture
        TimelinePart timeline = part("io.egress.ui.part.timeline", TimelinePart.class);
        waitUntil(() -> timeline.shown() == capture, 30_000);
        TimeWindow extent = timeline.timeline().model().extent();
        TimeWindow zoomed = new TimeWindow(extent.startNanos() + extent.span() / 4, extent.endNanos() - extent.span() / 4);
        timeline.timeline().setWindow(zoomed);
        assertEquals("0:" + zoomed.startNanos() + ":" + zoomed.endNanos(), investigation.viewState().get(ViewState.TIMELINE_WINDOW));
        assertTrue(connections.showSavedLiveCapture());
        assertEquals(ViewState.LIVE_CAPTURE, investigation.viewState().get(ViewState.CONNECTIONS_SOURCE));

        Path file = dir.resolve("live.egress");
        saveTo(file);
        WorkspaceContent written = new WorkspaceStore().open(file, Progress.NONE).content();
        assertEquals(capture.flows().size(), written.flowsOf(-1).size(), "the live flows are saved as capture -1");
        assertEquals(List.of(CURL), written.processes());

        WorkspaceUi.newWorkspace(ctx);
        waitUntil(() -> !connections.sourceItems().contains(label), 10_000);
        assertTrue(investigation.savedLive().isEmpty());

        WorkspaceSession.OpenJob open = open(file);
        assertEquals(List.of(), open.warnings());
        assertEquals(capture.flows().size(), investigation.savedLive().orElseThrow().flows().size());
        // the Connections view shows the saved live flows again, curl first with its two flows
        waitUntil(() -> connections.sourceItems().contains(label) && connections.sourceIndex() == connections.sourceItems().indexOf(label)
                && connections.liveViewer().getTree().getItemCount() > 0 && connections.statusText().contains("flows as saved"), 30_000);
        TreeItem first = connections.liveViewer().getTree().getItem(0);
        assertTrue(first.getText(0).contains("curl"), first.getText(0));
        assertEquals("4242", first.getText(1));
        assertTrue(connections.statusText().contains("owner found for 2 in 1 processes"), connections.statusText());
        assertTrue(connections.statusText().contains(capture.flows().size() + " flows as saved"), connections.statusText());

        // the detector failures are in the report and in the Findings view
        CaptureAnalysis restored = investigation.captures().get(0);
        assertEquals(failures, investigation.report(restored).orElseThrow().failures());
        FindingsPart findings = part("io.egress.ui.part.findings", FindingsPart.class);
        waitUntil(() -> findings.summaryText().contains("detector beaconing failed (timed out): ran past its 30000 ms budget"), 30_000);
        assertTrue(findings.summaryText().contains("detector example.third-party failed (threw): java.lang.IllegalStateException: no model"),
                findings.summaryText());

        // the timeline shows the zoom it was saved with
        TimelinePart timelineAgain = part("io.egress.ui.part.timeline", TimelinePart.class);
        waitUntil(() -> timelineAgain.shown() == restored && zoomed.equals(timelineAgain.timeline().window()), 30_000);
    }

    @Test
    void storedPacketsOpenAndExportAfterTheCaptureIsDeleted() throws Exception {
        ready();
        Investigation investigation = ctx.get(Investigation.class);
        WorkspaceSession session = ctx.get(WorkspaceSession.class);
        WorkspaceUi.newWorkspace(ctx);
        Path copy = dir.resolve("wikipedia-copy.pcap");
        Files.copy(SharedData.captures().resolve("zeek-wikipedia.pcap"), copy);
        CaptureLoadJob load = CaptureOpening.open(copy, ctx);
        waitUntil(() -> load.result() != null && investigation.report(load.result()).isPresent(), 120_000);
        assertFalse(session.embedPackets());
        session.setEmbedPackets(true); // File > Store Packets in Workspace
        assertTrue(session.isDirty(), "the setting is a change to save");

        Path file = dir.resolve("embedded.egress");
        saveTo(file);
        assertTrue(new WorkspaceStore().open(file, Progress.NONE).content().captures().get(0).embedded());
        WorkspaceUi.newWorkspace(ctx);
        assertFalse(session.embedPackets(), "New starts without the setting");
        Files.delete(copy);

        // the warning that the packets came from the workspace is a dialog: close it when it shows
        Display display = Display.getCurrent();
        String[] warning = new String[1];
        Runnable closeWarning = new Runnable() {
            @Override
            public void run() {
                for (Shell s : display.getShells()) {
                    if (Messages.workspace_openWarningsTitle.equals(s.getText()) && s.isVisible()) {
                        warning[0] = s.getText();
                        s.close();
                        return;
                    }
                }
                display.timerExec(50, this);
            }
        };
        display.timerExec(50, closeWarning);
        WorkspaceSession.OpenJob open = open(file);
        waitUntil(() -> warning[0] != null, 30_000);
        assertEquals(List.of(org.eclipse.osgi.util.NLS.bind(Messages.workspace_captureEmbedded, copy.toAbsolutePath())), open.warnings());
        assertEquals(1, investigation.captures().size());
        assertEquals(34, investigation.captures().get(0).flows().size());
        assertTrue(session.embedPackets(), "the setting is remembered with the workspace");

        // export pcapng of every flow from the workspace alone: the packets read back as the same 34 flows
        WorkspaceContent content = new WorkspaceStore().open(file, Progress.NONE).content();
        Path pcapng = dir.resolve("export.pcapng");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PacketExportResult result = WorkspaceExporter.pcapng(content, Set.of(), bytes, Progress.NONE);
        assertEquals(List.of(), result.problems());
        Files.write(pcapng, bytes.toByteArray());
        assertEquals(34, CaptureAnalyzer.analyze(pcapng, Progress.NONE).flows().size());

        // saving again (the capture file still gone) keeps the packets
        Path again = dir.resolve("again.egress");
        saveTo(again);
        assertTrue(new WorkspaceStore().open(again, Progress.NONE).content().captures().get(0).embedded());
    }

    private static FlowOwner owned(Flow f) {
        Attribution a = new Attribution(AttributionMethod.TRIGGER, Confidence.EXACT, Duration.ofNanos(1_400_000), "");
        SocketEntry socket = new SocketEntry(f.protocol() == 6 ? Protocol.TCP : Protocol.UDP, IpFamily.IPV4, false,
                io.egress.core.net.IpAddresses.toInet(f.initiator()), f.initiatorPort(), io.egress.core.net.IpAddresses.toInet(f.responder()),
                f.responderPort(), SocketState.ESTABLISHED, 1000, 77, java.util.OptionalLong.of(CURL.pid()), java.util.OptionalLong.empty());
        return new FlowOwner(OwnerState.ATTRIBUTED, Optional.of(new Connection(socket, Optional.of(CURL), a)), a);
    }
}
