package io.egress.ui.internal.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.egress.capture.CaptureAnalysis;
import io.egress.capture.CaptureAnalyzer;
import io.egress.core.flow.Flow;
import io.egress.core.net.IpAddresses;
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
import io.egress.detect.DetectionReport;
import io.egress.detect.DetectorFailure;
import io.egress.enrich.details.IpDetailsService;
import io.egress.enrich.geo.GeoIpConfig;
import io.egress.enrich.geo.GeoIpService;
import io.egress.enrich.names.ReverseDnsConfig;
import io.egress.enrich.names.ReverseDnsService;
import io.egress.enrich.rdap.RdapConfig;
import io.egress.enrich.rdap.RdapService;
import io.egress.live.AttributedFlow;
import io.egress.live.FlowOwner;
import io.egress.live.LiveProcessView;
import io.egress.live.OwnerState;
import io.egress.tests.support.SharedData;
import io.egress.ui.internal.session.SavedLiveCapture;
import io.egress.workspace.EnrichmentAnswer;
import io.egress.workspace.FlowRecord;
import io.egress.workspace.WorkspaceContent;
import io.egress.workspace.WorkspaceDiff;
import io.egress.workspace.WorkspaceStore;
import io.egress.workspace.enrich.AddressAnswers;

/**
 * The investigation as workspace content and back, without the workbench: a live capture's flows with
 * their owners (built here from a shared capture's flows, no capture rights needed), detector failures,
 * and the enrichment answers, each through a real save and open.
 */
class InvestigationContentTest {
    private static final long SAVED = 1_796_367_000_000L;
    private static final ProcessInfo CURL = new ProcessInfo(4242, 1_796_366_000_000L, "curl", "/usr/bin/curl", "curl https://example.org",
            "alice", 1000, 1, ExecutableState.PRESENT, "proc");

    @TempDir
    Path dir;

    private final WorkspaceStore store = new WorkspaceStore();

    private static CaptureAnalysis wikipedia() throws Exception {
        return CaptureAnalyzer.analyze(SharedData.captures().resolve("zeek-wikipedia.pcap"), Progress.NONE);
    }

    private WorkspaceContent saveAndOpen(WorkspaceContent content) throws Exception {
        Path file = dir.resolve("t" + System.nanoTime() + ".egress");
        store.save(file, content, Progress.NONE);
        return store.open(file, Progress.NONE).content();
    }

    /** The first five IPv4 flows of a capture. */
    private static List<Integer> ipv4(CaptureAnalysis capture) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < capture.flows().size() && out.size() < 5; i++) {
            if (capture.flows().get(i).initiator().length == 4) {
                out.add(i);
            }
        }
        return out;
    }

    /** Of the first five IPv4 flows: two under curl (trigger, poll), one not visible (uid 33), one nobody's, one pending; the rest unattributed. */
    private static SavedLiveCapture liveFrom(CaptureAnalysis capture) {
        List<Integer> v4 = ipv4(capture);
        List<AttributedFlow> flows = new ArrayList<>();
        for (int i = 0; i < capture.flows().size(); i++) {
            Flow f = capture.flows().get(i);
            FlowOwner owner = switch (v4.indexOf(i)) {
                case 0 -> owned(f, AttributionMethod.TRIGGER, Confidence.EXACT, 1_400);
                case 1 -> owned(f, AttributionMethod.POLL, Confidence.LOW, 730_000);
                case 2 -> new FlowOwner(OwnerState.UNATTRIBUTED, Optional.of(new Connection(socket(f, 33, OptionalLong.empty()), Optional.empty(),
                        Attribution.of(AttributionMethod.NONE_NOT_VISIBLE, Confidence.NONE))), Attribution.of(AttributionMethod.NONE_NOT_VISIBLE, Confidence.NONE));
                case 4 -> FlowOwner.PENDING;
                default -> new FlowOwner(OwnerState.UNATTRIBUTED, Optional.empty(), Attribution.of(AttributionMethod.NONE, Confidence.NONE));
            };
            flows.add(new AttributedFlow(f, owner));
        }
        return new SavedLiveCapture(flows, "lo, eth0", SAVED);
    }

    private static FlowOwner owned(Flow f, AttributionMethod method, Confidence confidence, long delayMicros) {
        Attribution a = new Attribution(method, confidence, Duration.ofNanos(delayMicros * 1000), "");
        return new FlowOwner(OwnerState.ATTRIBUTED, Optional.of(new Connection(socket(f, 1000, OptionalLong.of(CURL.pid())), Optional.of(CURL), a)), a);
    }

    private static SocketEntry socket(Flow f, int uid, OptionalLong pid) {
        return new SocketEntry(f.protocol() == 6 ? Protocol.TCP : Protocol.UDP, IpFamily.IPV4, false, IpAddresses.toInet(f.initiator()),
                f.initiatorPort(), IpAddresses.toInet(f.responder()), f.responderPort(), SocketState.ESTABLISHED, uid, 77, pid, OptionalLong.empty());
    }

    @Test
    void liveFlowsComeBackWithTheirOwnersAfterACapture() throws Exception {
        CaptureAnalysis capture = wikipedia();
        List<Integer> v4 = ipv4(capture);
        assertEquals(5, v4.size());
        SavedLiveCapture live = liveFrom(capture);
        WorkspaceContent content = InvestigationContent.toContent(
                List.of(new InvestigationContent.CaptureState(capture, Optional.empty(), Optional.empty())), Optional.of(live), List.of(),
                Map.of(), Map.of(), Optional.empty(), SAVED);
        WorkspaceContent opened = saveAndOpen(content);

        assertEquals(34, opened.flowsOf(0).size());
        List<FlowRecord> liveRecords = opened.flowsOf(-1);
        assertEquals(34, liveRecords.size(), "every live flow, capture -1");
        assertEquals(34, liveRecords.get(0).id(), "live flow ids run on after the capture's");
        assertEquals(List.of(CURL), opened.processes(), "one process snapshot for curl's two flows");
        FlowRecord curlFlow = liveRecords.get(v4.get(0));
        assertEquals("4242@1796366000000", curlFlow.attribution().orElseThrow().process().toString());
        assertEquals("trigger", curlFlow.attribution().orElseThrow().method());
        assertEquals("exact", curlFlow.attribution().orElseThrow().confidence());
        assertFalse(liveRecords.get(v4.get(2)).attribution().isPresent(), "an owner not visible has no process");

        SavedLiveCapture back = LiveFlowRecords.of(opened).orElseThrow();
        assertEquals("lo, eth0", back.interfaces());
        assertEquals(SAVED, back.savedMillis());
        assertEquals(34, back.flows().size());
        for (int i = 0; i < 34; i++) {
            Flow a = live.flows().get(i).flow();
            Flow b = back.flows().get(i).flow();
            assertEquals(a.key(), b.key());
            assertEquals(a.bytes(), b.bytes());
            assertEquals(a.firstNanos(), b.firstNanos());
            FlowOwner o = live.flows().get(i).owner();
            FlowOwner p = back.flows().get(i).owner();
            assertEquals(o.state(), p.state(), "owner state of flow " + i);
            assertEquals(o.pid(), p.pid());
            assertEquals(o.process(), p.process());
            assertEquals(o.uid(), p.uid());
            assertEquals(o.attribution().method(), p.attribution().method());
            assertEquals(o.attribution().confidence(), p.attribution().confidence());
            assertEquals(o.attribution().delay(), p.attribution().delay());
        }
        // the Connections view's model of the saved flows: the same groups as of the live ones
        LiveProcessView view = LiveProcessView.EMPTY.next(back.flows(), 0);
        LiveProcessView expected = LiveProcessView.EMPTY.next(live.flows(), 0);
        assertEquals(expected.groups().stream().map(g -> g.id() + "=" + g.rows().size()).toList(),
                view.groups().stream().map(g -> g.id() + "=" + g.rows().size()).toList());
        LiveProcessView.Group curl = view.groups().get(0);
        assertEquals(LiveProcessView.GroupKind.PROCESS, curl.kind());
        assertEquals("curl", curl.name());
        assertEquals("alice", curl.user());
        assertEquals(OptionalLong.of(4242), curl.pid());
        assertEquals(2, curl.rows().size());
        assertEquals(Duration.ofNanos(730_000_000), curl.rows().stream().filter(r -> r.flowIndex() == v4.get(1)).findFirst().orElseThrow().delay());
        assertTrue(view.groups().stream().anyMatch(g -> g.kind() == LiveProcessView.GroupKind.NOT_VISIBLE && g.uid().equals(OptionalInt.of(33))));
        assertEquals(1, view.groups().stream().filter(g -> g.kind() == LiveProcessView.GroupKind.PENDING).mapToInt(g -> g.rows().size()).sum());
        assertEquals(30, view.groups().stream().filter(g -> g.kind() == LiveProcessView.GroupKind.UNATTRIBUTED).mapToInt(g -> g.rows().size()).sum());

        // the command line's diff sees the program: curl is new against an empty baseline
        assertEquals("curl", WorkspaceDiff.compare(WorkspaceContent.empty(), opened).newProcesses().get(0).name());
    }

    @Test
    void detectorFailuresComeBackWithTheirReason() throws Exception {
        CaptureAnalysis capture = wikipedia();
        List<DetectorFailure> failures = List.of(new DetectorFailure("beaconing", DetectorFailure.Kind.TIMED_OUT, "ran past its 30000 ms budget"),
                new DetectorFailure("example.third-party", DetectorFailure.Kind.THREW, "java.lang.IllegalStateException: no\tmodel\nloaded"));
        DetectionReport report = new DetectionReport(List.of(), failures, Map.of("beaconing", Duration.ofSeconds(30), "dns-tunnel", Duration.ofMillis(12)));
        WorkspaceContent opened = saveAndOpen(InvestigationContent.toContent(
                List.of(new InvestigationContent.CaptureState(capture, Optional.of(report), Optional.empty())), Map.of(), Map.of(),
                Optional.empty(), SAVED));
        DetectionReport back = InvestigationContent.reportOf(opened, 0).orElseThrow();
        assertEquals(List.of(failures.get(0), new DetectorFailure("example.third-party", DetectorFailure.Kind.THREW,
                "java.lang.IllegalStateException: no model loaded")), back.failures());
        assertEquals(report.durations(), back.durations());
    }

    @Test
    void publicAddressesGetGeoipAnswersAndEarlierAnswersStay() throws Exception {
        CaptureAnalysis capture = CaptureAnalyzer.analyze(SharedData.captures().resolve("zeek-pcapng-multi-interface.pcapng"), Progress.NONE);
        EnrichmentAnswer fromElsewhere = new EnrichmentAnswer("1.1.1.1", EnrichmentAnswer.RDAP, "APNIC https://rdap.apnic.net/ip/1.1.1.1", 5L,
                "{\"rdap\":{\"status\":\"found\"}}");
        EnrichmentAnswer oldGeo = new EnrichmentAnswer("1.1.1.1", EnrichmentAnswer.GEOIP, "old", 4L, "{\"asn\": 1}");
        WorkspaceContent content = InvestigationContent.toContent(
                List.of(new InvestigationContent.CaptureState(capture, Optional.empty(), Optional.empty())), Optional.empty(),
                List.of(oldGeo, fromElsewhere), Map.of(), Map.of(), Optional.empty(), SAVED);
        try (GeoIpService geo = GeoIpService.open(GeoIpConfig.onlyFolders(List.of(SharedData.geoip())));
                ReverseDnsService rdns = new ReverseDnsService(ReverseDnsConfig.defaults());
                RdapService rdap = new RdapService(RdapConfig.defaults())) {
            WorkspaceContent enriched = AddressAnswers.enriched(content, new IpDetailsService(geo, rdns, rdap), SAVED);
            WorkspaceContent opened = saveAndOpen(enriched);
            assertEquals(enriched.enrichment(), opened.enrichment(), "the same answers come back");
            assertEquals(2, opened.enrichment().size(), opened.enrichment().toString());
            EnrichmentAnswer geoip = opened.enrichment().get(0);
            assertEquals("1.1.1.1", geoip.address());
            assertEquals(EnrichmentAnswer.GEOIP, geoip.kind(), "the new lookup replaces the old GeoIP answer");
            assertEquals(SAVED, geoip.timeMillis());
            assertTrue(geoip.json().replaceAll("\\s+", "").contains("\"asn\":{\"number\":13335,"), geoip.json());
            assertEquals(fromElsewhere, opened.enrichment().get(1), "an RDAP answer no lookup replaced is kept");
        }
    }
}
