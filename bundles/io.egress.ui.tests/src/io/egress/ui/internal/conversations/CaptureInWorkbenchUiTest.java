package io.egress.ui.internal.conversations;

import static io.egress.ui.tests.Workbench.waitUntil;
import static io.egress.ui.tests.Workbench.workbench;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.junit.jupiter.api.Test;

import io.egress.core.conversations.ConversationColumn;
import io.egress.enrich.details.IpDetails;
import io.egress.tests.support.SharedData;
import io.egress.ui.internal.capture.CaptureLoadJob;
import io.egress.ui.internal.capture.CaptureOpening;
import io.egress.ui.internal.ip.IpDetailsPart;
import io.egress.ui.internal.ip.IpEditors;

/** Opens a shared capture in the running workbench and checks the Conversations view and the IP editor. */
class CaptureInWorkbenchUiTest {

    @Test
    void openedCaptureShowsItsConversationsAndAnAddressEditor() throws Exception {
        Path file = SharedData.captures().resolve("zeek-wikipedia.pcap");
        MApplication app = workbench().getApplication();
        IEclipseContext ctx = app.getContext();
        CaptureLoadJob job = CaptureOpening.open(file, ctx);
        waitUntil(() -> job.getResult() != null, 60_000);
        assertNotNull(job.result(), () -> "load failed: " + job.failure());
        assertEquals(136, job.result().packets());

        EModelService models = ctx.get(EModelService.class);
        MPart part = (MPart) models.find(CaptureOpening.CONVERSATIONS_PART, app);
        ConversationsPart view = (ConversationsPart) part.getObject();
        assertNotNull(view, "conversations view was shown");
        waitUntil(() -> view.index().size() == job.result().flows().size(), 30_000);
        assertEquals(34, view.index().size());
        // the windowed table shows real rows: the first responder in capture order
        String firstResponder = view.table().table().getItem(0).getText(ConversationColumn.DESTINATION.ordinal());
        assertEquals("224.0.0.251:5353", firstResponder);

        MPart editor = IpEditors.open("208.80.152.2", ctx);
        IpDetailsPart ip = (IpDetailsPart) editor.getObject();
        waitUntil(() -> ip.details() != null && !ip.details().names().isEmpty(), 30_000);
        IpDetails d = ip.details();
        assertEquals("public", d.addressClass().id());
        assertTrue(d.names().stream().anyMatch(n -> n.name().endsWith("wikimedia.org")), d.names().toString());
        assertEquals("ip.addr == 208.80.152.2", d.wiresharkFilter());
        assertEquals(editor, IpEditors.open("208.80.152.2", ctx), "one editor per address");
    }

    @Test
    void merlinBeaconShowsInTheFindingsViewWithSubScores() throws Exception {
        Path file = SharedData.captures().resolve("zeek-quic-merlinc2-beacon.pcapng");
        MApplication app = workbench().getApplication();
        IEclipseContext ctx = app.getContext();
        ctx.get(org.eclipse.e4.ui.workbench.modeling.EPartService.class).showPart("io.egress.ui.part.findings",
                org.eclipse.e4.ui.workbench.modeling.EPartService.PartState.ACTIVATE);
        CaptureLoadJob job = CaptureOpening.open(file, ctx);
        EModelService models = ctx.get(EModelService.class);
        io.egress.ui.internal.findings.FindingsPart findings = (io.egress.ui.internal.findings.FindingsPart)
                ((MPart) models.find("io.egress.ui.part.findings", app)).getObject();
        waitUntil(() -> job.result() != null && findings.shownFindings().stream()
                .anyMatch(f -> f.evidence().addresses().contains("24.199.110.233")), 90_000);
        io.egress.detect.Finding beacon = findings.shownFindings().stream()
                .filter(f -> f.detector().equals("io.egress.detect.beaconing")).findFirst().orElseThrow();
        assertTrue(beacon.title().contains("every 15."), beacon.title());
        assertTrue(beacon.subScores().size() >= 4, beacon.subScores().toString());
        assertEquals("T1071", beacon.technique().orElse(""));
    }

    @Test
    void choosingAnEarlierCaptureInTheConnectionsViewShowsItsFindingsAgain() throws Exception {
        MApplication app = workbench().getApplication();
        IEclipseContext ctx = app.getContext();
        EModelService models = ctx.get(EModelService.class);
        org.eclipse.e4.ui.workbench.modeling.EPartService parts = ctx.get(org.eclipse.e4.ui.workbench.modeling.EPartService.class);
        MPart findingsPart = (MPart) models.find("io.egress.ui.part.findings", app);
        parts.showPart(findingsPart, org.eclipse.e4.ui.workbench.modeling.EPartService.PartState.CREATE);
        MPart connectionsPart = (MPart) models.find("io.egress.ui.part.connections", app);
        parts.showPart(connectionsPart, org.eclipse.e4.ui.workbench.modeling.EPartService.PartState.CREATE);
        io.egress.ui.internal.findings.FindingsPart findings = (io.egress.ui.internal.findings.FindingsPart) findingsPart.getObject();
        io.egress.ui.internal.connections.ConnectionsPart connections = (io.egress.ui.internal.connections.ConnectionsPart) connectionsPart.getObject();
        io.egress.ui.internal.session.Investigation investigation = ctx.get(io.egress.ui.internal.session.Investigation.class);

        CaptureLoadJob beacon = CaptureOpening.open(SharedData.captures().resolve("zeek-quic-merlinc2-beacon.pcapng"), ctx);
        waitUntil(() -> beacon.result() != null && investigation.report(beacon.result()).isPresent(), 90_000);
        CaptureLoadJob wiki = CaptureOpening.open(SharedData.captures().resolve("zeek-wikipedia.pcap"), ctx);
        waitUntil(() -> wiki.result() != null && investigation.report(wiki.result()).isPresent(), 90_000);
        waitUntil(() -> investigation.current().orElse(null) == wiki.result(), 10_000);

        // the analyst goes back to the Merlin capture in the source box: every capture view follows
        java.util.List<String> sources = connections.sourceItems();
        // the last one so named: another test may have opened the same file before
        int merlinSource = java.util.stream.IntStream.range(0, sources.size())
                .filter(i -> sources.get(i).contains("zeek-quic-merlinc2-beacon")).max().orElseThrow();
        connections.showSourceForTests(merlinSource);
        assertEquals(beacon.result(), investigation.current().orElseThrow());
        waitUntil(() -> findings.shownFindings().stream().anyMatch(f -> f.evidence().addresses().contains("24.199.110.233")), 30_000);
    }
}
