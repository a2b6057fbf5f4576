package io.egress.ui.internal.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static io.egress.ui.tests.Workbench.waitUntil;
import static io.egress.ui.tests.Workbench.workbench;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.egress.capture.CaptureAnalysis;
import io.egress.detect.DetectionReport;
import io.egress.detect.Finding;
import io.egress.tests.support.SharedData;
import io.egress.ui.internal.Messages;
import io.egress.ui.internal.capture.CaptureLoadJob;
import io.egress.ui.internal.capture.CaptureOpening;
import io.egress.ui.internal.connections.ConnectionsPart;
import io.egress.ui.internal.conversations.ConversationsPart;
import io.egress.ui.internal.findings.FindingsPart;
import io.egress.ui.internal.session.FlowSelection;
import io.egress.ui.internal.session.Investigation;
import io.egress.ui.internal.session.SelectionTopics;
import io.egress.ui.internal.session.TimeRange;
import io.egress.ui.internal.session.ViewState;
import io.egress.ui.timeline.internal.TimelinePart;

/**
 * Saves an investigation through the same code as File &gt; Save, clears it (File &gt; New), opens the
 * file again and checks that the captures, findings, note and view state came back; and that
 * a file that is not a workspace gives an error dialog and is left byte-for-byte as it was.
 */
class WorkspaceInWorkbenchUiTest {
    private static final String BEACON = "24.199.110.233";
    private static final String NOTE = "Merlin C2 beacon: every 15 s over QUIC.\nAsk the owner of the laptop.";

    @TempDir
    Path dir;

    private IEclipseContext ctx;
    private MApplication app;

    @AfterEach
    void leaveEmpty() {
        if (ctx != null) {
            WorkspaceUi.newWorkspace(ctx);
            // the list is the analyst's: leave no temporary files of ours in it
            ctx.get(WorkspaceSession.class).recent().remove(dir.resolve("merlin.egress"));
            ctx.get(WorkspaceSession.class).recent().remove(dir.resolve("garbage.egress"));
        }
    }

    @Test
    void savedInvestigationOpensAgainWithFlowsFindingsNoteAndViewState() throws Exception {
        app = workbench().getApplication();
        ctx = app.getContext();
        WorkspaceSession session = ctx.get(WorkspaceSession.class);
        Investigation investigation = ctx.get(Investigation.class);
        EModelService models = ctx.get(EModelService.class);
        WorkspaceUi.newWorkspace(ctx);
        assertFalse(session.isDirty());
        waitUntil(() -> "Egress".equals(window().getLocalizedLabel()), 5_000);

        ctx.get(EPartService.class).showPart("io.egress.ui.part.findings", PartState.VISIBLE);
        // two captures: the beacon (findings) and, opened last so the capture views show it, one
        // whose flows a time range can filter
        CaptureLoadJob beacon = CaptureOpening.open(SharedData.captures().resolve("zeek-quic-merlinc2-beacon.pcapng"), ctx);
        waitUntil(() -> beacon.result() != null && investigation.report(beacon.result()).isPresent(), 120_000);
        CaptureLoadJob load = CaptureOpening.open(SharedData.captures().resolve("zeek-wikipedia.pcap"), ctx);
        waitUntil(() -> load.result() != null && investigation.report(load.result()).isPresent(), 120_000);
        CaptureAnalysis capture = load.result();
        DetectionReport beaconReport = investigation.report(beacon.result()).orElseThrow();
        DetectionReport report = investigation.report(capture).orElseThrow();
        assertFalse(beaconReport.findings().isEmpty(), "the beacon capture has findings");
        assertTrue(session.isDirty(), "an opened capture is an unsaved change");
        waitUntil(() -> window().getLocalizedLabel().equals("*Untitled - Egress"), 5_000);

        investigation.setNote(BEACON, NOTE); // what typing in the IP editor's note field does
        // view state: live sockets in the Connections view, a time range and a flow chosen
        ConnectionsPart connections = (ConnectionsPart) ((MPart) models.find("io.egress.ui.part.connections", app)).getObject();
        // the capture opened last is shown at once (a live capture of an earlier test may sit before it)
        waitUntil(() -> connections.sourceIndex() == connections.sourceItems().size() - 1, 10_000);
        connections.showLiveSockets();
        long first = capture.firstTimestamp().orElseThrow().epochNanos();
        long last = capture.lastTimestamp().orElseThrow().epochNanos();
        long[] chosen = rangeWithSomeFlows(capture, first, last);
        long rangeStart = chosen[0];
        long rangeEnd = chosen[1];
        int inRange = overlapping(capture, rangeStart, rangeEnd);
        int flowIndex = flowWithin(capture, rangeStart, rangeEnd);
        IEventBroker broker = ctx.get(IEventBroker.class);
        broker.post(SelectionTopics.TIME_RANGE, new TimeRange(rangeStart, rangeEnd, "test"));
        broker.post(SelectionTopics.FLOW, new FlowSelection(capture, flowIndex, "test"));
        waitUntil(() -> (rangeStart + ":" + rangeEnd).equals(investigation.viewState().get(ViewState.TIME_RANGE))
                && ("1:" + flowIndex).equals(investigation.viewState().get(ViewState.FLOW)), 10_000);
        assertEquals("live", investigation.viewState().get(ViewState.CONNECTIONS_SOURCE));

        Path file = dir.resolve("merlin.egress");
        WorkspaceSession.SaveJob save = WorkspaceUi.save(file, ctx);
        waitUntil(() -> save.getResult() != null, 60_000);
        assertNull(save.failure(), () -> "save failed: " + save.failure());
        assertEquals(Optional.of(file), session.file());
        assertFalse(session.isDirty());
        waitUntil(() -> window().getLocalizedLabel().equals("merlin.egress - Egress"), 5_000);
        assertEquals(file.toAbsolutePath().normalize(), session.recent().files().get(0));

        investigation.setNote(BEACON, NOTE + " Edited.");
        assertTrue(session.isDirty(), "an edited note is an unsaved change");
        waitUntil(() -> window().getLocalizedLabel().equals("*merlin.egress - Egress"), 5_000);
        investigation.setNote(BEACON, NOTE);

        WorkspaceUi.newWorkspace(ctx);
        assertTrue(investigation.captures().isEmpty());
        assertEquals("", investigation.note(BEACON));
        assertTrue(session.file().isEmpty());
        ConversationsPart conversationsAfterNew = (ConversationsPart) ((MPart) models.find(CaptureOpening.CONVERSATIONS_PART, app)).getObject();
        waitUntil(() -> conversationsAfterNew.table().table().getItemCount() == 0 || conversationsAfterNew.index().size() == 0, 10_000);
        assertEquals(0, conversationsAfterNew.index().size(), "New empties the Conversations view");

        WorkspaceSession.OpenJob open = WorkspaceUi.open(file, ctx);
        waitUntil(() -> open.getResult() != null, 120_000);
        assertNull(open.failure(), () -> "open failed: " + open.failure());
        assertEquals(List.of(), open.warnings());
        assertEquals(2, investigation.captures().size());
        assertEquals(beacon.result().flows().size(), investigation.captures().get(0).flows().size());
        CaptureAnalysis restored = investigation.captures().get(1);
        assertEquals(34, restored.flows().size());
        assertEquals(capture.flows().size(), restored.flows().size());
        assertSameFindings(beaconReport, investigation.report(investigation.captures().get(0)).orElseThrow());
        assertSameFindings(report, investigation.report(restored).orElseThrow());
        assertEquals(NOTE, investigation.note(BEACON));
        assertEquals(Optional.of(file), session.file());
        assertFalse(session.isDirty(), "a workspace just opened has no unsaved changes");
        waitUntil(() -> window().getLocalizedLabel().equals("merlin.egress - Egress"), 5_000);
        // closing the window asks only when something is unsaved: nothing is, so it closes without a question
        org.eclipse.e4.ui.workbench.modeling.IWindowCloseHandler close =
                window().getContext().get(org.eclipse.e4.ui.workbench.modeling.IWindowCloseHandler.class);
        assertNotNull(close, "the main window has a close handler");
        assertTrue(close.close(window()));

        // the views show what they showed
        FindingsPart findings = (FindingsPart) ((MPart) models.find("io.egress.ui.part.findings", app)).getObject();
        waitUntil(() -> findings.shownFindings().size() == report.findings().size(), 30_000);
        waitUntil(() -> connections.sourceIndex() == 0, 10_000);
        ConversationsPart conversations = (ConversationsPart) ((MPart) models.find(CaptureOpening.CONVERSATIONS_PART, app)).getObject();
        waitUntil(() -> conversations.table().selectedRow() >= 0
                && conversations.index().flowAt(conversations.table().selectedRow()) == flowIndex, 30_000);
        assertEquals(inRange, conversations.index().size(), "the time range filters the Conversations view");
        MPart timelinePart = (MPart) models.find("io.egress.ui.part.timeline", app);
        ctx.get(EPartService.class).showPart(timelinePart, PartState.VISIBLE);
        TimelinePart timeline = (TimelinePart) timelinePart.getObject();
        waitUntil(() -> timeline.shown() == restored && timeline.timeline().range() != null, 30_000);
        assertArrayEquals(new long[] {rangeStart, rangeEnd}, timeline.timeline().range());
        assertEquals(rangeStart + ":" + rangeEnd, investigation.viewState().get(ViewState.TIME_RANGE));
    }

    @Test
    void garbageFileGivesAnErrorAndStaysUnchanged() throws Exception {
        app = workbench().getApplication();
        ctx = app.getContext();
        WorkspaceSession session = ctx.get(WorkspaceSession.class);
        Investigation investigation = ctx.get(Investigation.class);
        WorkspaceUi.newWorkspace(ctx);
        investigation.setNote("192.0.2.7", "kept");

        Path garbage = dir.resolve("garbage.egress");
        byte[] bytes = new byte[5000];
        new Random(42).nextBytes(bytes);
        Files.write(garbage, bytes);

        DialogCatcher opening = DialogCatcher.start(Messages.workspace_openFailedTitle);
        WorkspaceSession.OpenJob open = WorkspaceUi.open(garbage, ctx);
        waitUntil(() -> open.getResult() != null && opening.message() != null, 30_000);
        assertNotNull(open.failure());
        assertTrue(opening.message().contains(garbage.toString()), opening.message());
        assertTrue(opening.message().contains("not an Egress workspace"), opening.message());
        assertArrayEquals(bytes, Files.readAllBytes(garbage), "opening never writes");
        assertEquals("kept", investigation.note("192.0.2.7"), "what was open stays open");
        assertTrue(session.file().isEmpty());

        // Save As onto it is refused too: the file is not ours to overwrite
        DialogCatcher saving = DialogCatcher.start(Messages.workspace_saveFailedTitle);
        WorkspaceSession.SaveJob save = WorkspaceUi.save(garbage, ctx);
        waitUntil(() -> save.getResult() != null && saving.message() != null, 30_000);
        assertNotNull(save.failure());
        assertTrue(saving.message().contains(garbage.toString()), saving.message());
        assertArrayEquals(bytes, Files.readAllBytes(garbage), "a failed save leaves the file as it was");
        assertTrue(session.file().isEmpty());
        assertTrue(session.isDirty());
    }

    private static void assertSameFindings(DetectionReport expected, DetectionReport actual) {
        assertEquals(expected.findings().size(), actual.findings().size());
        for (int i = 0; i < expected.findings().size(); i++) {
            Finding a = expected.findings().get(i);
            Finding b = actual.findings().get(i);
            assertEquals(a.detector(), b.detector());
            assertEquals(a.severity(), b.severity());
            assertEquals(a.title(), b.title());
            assertEquals(a.score(), b.score());
            assertEquals(a.technique(), b.technique());
            assertEquals(a.subScores(), b.subScores());
            assertEquals(a.evidence().flows(), b.evidence().flows());
            assertEquals(a.evidence().timeRanges(), b.evidence().timeRanges());
            assertEquals(a.evidence().addresses(), b.evidence().addresses());
        }
        assertEquals(expected.durations().keySet(), actual.durations().keySet());
    }

    /** A range of the capture that some flows overlap, but not all. */
    private static long[] rangeWithSomeFlows(CaptureAnalysis capture, long first, long last) {
        for (int parts = 2; parts <= 64; parts *= 2) {
            for (int k = 0; k < parts; k++) {
                long start = first + (last - first) * k / parts;
                long end = first + (last - first) * (k + 1) / parts;
                int n = overlapping(capture, start, end);
                if (n > 0 && n < capture.flows().size()) {
                    return new long[] {start, end};
                }
            }
        }
        throw new AssertionError("every flow spans the whole capture");
    }

    private static int overlapping(CaptureAnalysis capture, long start, long end) {
        TimeRange r = new TimeRange(start, end, "");
        return (int) capture.flows().stream().filter(f -> r.overlaps(f.firstNanos(), f.lastNanos())).count();
    }

    /** A flow overlapping the range, to select. */
    private static int flowWithin(CaptureAnalysis capture, long start, long end) {
        TimeRange r = new TimeRange(start, end, "");
        for (int i = 0; i < capture.flows().size(); i++) {
            var f = capture.flows().get(i);
            if (r.overlaps(f.firstNanos(), f.lastNanos())) {
                return i;
            }
        }
        throw new AssertionError("no flow within the range");
    }

    /**
     * Waits (from the nested event loop of a modal dialog, through timerExec) for a shell with a title,
     * records the text of its labels and closes it.
     */
    private static final class DialogCatcher implements Runnable {
        private final String title;
        private final Display display = Display.getCurrent();
        private volatile String message;
        private final long deadline = System.currentTimeMillis() + 60_000;

        private DialogCatcher(String title) {
            this.title = title;
        }

        static DialogCatcher start(String title) {
            DialogCatcher c = new DialogCatcher(title);
            c.display.timerExec(50, c);
            return c;
        }

        String message() {
            return message;
        }

        @Override
        public void run() {
            for (Shell s : display.getShells()) {
                if (title.equals(s.getText()) && s.isVisible()) {
                    List<String> texts = new ArrayList<>();
                    labels(s, texts);
                    message = String.join("\n", texts);
                    s.close();
                    return;
                }
            }
            if (System.currentTimeMillis() < deadline) {
                display.timerExec(50, this);
            }
        }

        private static void labels(Control c, List<String> texts) {
            if (c instanceof Label l) {
                texts.add(l.getText());
            }
            if (c instanceof Composite comp) {
                for (Control child : comp.getChildren()) {
                    labels(child, texts);
                }
            }
        }
    }

    private MWindow window() {
        return (MWindow) ctx.get(EModelService.class).find(WorkspaceAddon.WINDOW, app);
    }
}
