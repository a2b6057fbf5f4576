package io.egress.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.capture.CaptureAnalysis;
import io.egress.capture.CaptureAnalyzer;
import io.egress.core.flow.Flow;
import io.egress.core.net.IpAddresses;
import io.egress.core.progress.Progress;
import io.egress.tests.support.SharedData;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
    @TempDir
    Path dir;

    @Test
    void jsonAndCsvCarryFlowsFindingsAndNotes() {
        WorkspaceContent content = Samples.everything(null);
        StringBuilder json = new StringBuilder();
        WorkspaceExporter.json(content, json);
        assertTrue(json.toString().contains("\"src\": \"192.168.1.10\""), json.toString());
        assertTrue(json.toString().contains("\"title\": \"beaconing to 192.0.78.150 every 15 s\""));
        assertTrue(json.toString().contains("Automattic, okay"));
        StringBuilder flows = new StringBuilder();
        WorkspaceExporter.flowsCsv(content, flows);
        assertEquals(4, flows.toString().lines().count());
        assertTrue(flows.toString().lines().skip(1).findFirst().orElseThrow()
                .startsWith("10,-1,tcp,192.168.1.10,55058,192.0.78.150,443,,3,4,657,3112,457,2920,1700000000.000000007,"));
        StringBuilder findings = new StringBuilder();
        WorkspaceExporter.findingsCsv(content, findings);
        assertTrue(findings.toString().contains("\"regular \"\"heartbeat\"\"\nfrom curl (alice)\""));
        StringBuilder notes = new StringBuilder();
        WorkspaceExporter.notesCsv(content, notes);
        assertTrue(notes.toString().contains("address,192.0.78.150,\"Automattic, okay — ünïcode ✓\",2023-11-14T22:18:20Z,benign"), notes.toString());
    }

    @Test
    void pseudonymisedExportContainsNoOriginalPrivateAddressOrName() {
        WorkspaceContent content = Samples.everything(null);
        WorkspaceContent shared = WorkspaceExporter.pseudonymised(content);
        StringBuilder out = new StringBuilder();
        WorkspaceExporter.json(shared, out);
        WorkspaceExporter.flowsCsv(shared, out);
        WorkspaceExporter.findingsCsv(shared, out);
        WorkspaceExporter.notesCsv(shared, out);
        String text = out.toString();
        List<String> secrets = List.of("192.168.1.10", "192.168.1.20", "fd00::5", "10.1.2.3", "zeek.org", "printer.lan", "alice", "bob",
                "Alice");
        for (String secret : secrets) {
            assertFalse(text.contains(secret), secret + " leaked:\n" + text);
        }
        // Public addresses stay, so that the report still says whose network was contacted.
        assertTrue(text.contains("192.0.78.150"));
        assertTrue(text.contains("8.8.8.8"));
        // Consistent: the curl flow's source and the finding's host are the same pseudonym.
        String pseudonym = IpAddresses.format(shared.flows().get(0).flow().initiator());
        assertTrue(pseudonym.startsWith("24") || pseudonym.startsWith("25"), pseudonym);
        assertTrue(shared.findings().get(0).evidenceJson().contains("\"host\":\"" + pseudonym + "\""), shared.findings().get(0).evidenceJson());
        assertEquals("", shared.flows().get(0).flow().communityId(), "a Community ID would let one confirm guessed private tuples");
        assertTrue(shared.viewState().isEmpty());
        // A second export uses another key: its pseudonyms cannot be linked to the first's.
        String other = IpAddresses.format(WorkspaceExporter.pseudonymised(content).flows().get(0).flow().initiator());
        assertFalse(other.equals(pseudonym));
    }

    @Test
    void pseudonymisedExportReplacesNamesOnlyDetectorsSawAndCapturePaths() {
        CaptureRef capture = new CaptureRef(java.nio.file.Path.of("/home/carol/cases/carol-laptop-wikipedia.pcap"), 10, "ab".repeat(32), false);
        WorkspaceContent content = Samples.everything(capture).toBuilder()
                .finding(new FindingRecord("io.egress.detect.dnschannel", "high", 80, "DNS as a channel to qfhhbbmvrk.de",
                        "10 unique names under qfhhbbmvrk.de, such as atqlrnjkes.de; seen in carol-laptop-wikipedia.pcap", "T1071.004",
                        List.of(10L), "{\"names\":[\"atqlrnjkes.de\",\"cjjkgknsdj.DE\"],\"file\":\"/Users/carol/x.pcap\"}"))
                .build();
        WorkspaceContent shared = WorkspaceExporter.pseudonymised(content);
        StringBuilder out = new StringBuilder();
        WorkspaceExporter.json(shared, out);
        WorkspaceExporter.findingsCsv(shared, out);
        String text = out.toString();
        for (String secret : List.of("qfhhbbmvrk", "atqlrnjkes", "cjjkgknsdj", "carol", "laptop", "cases")) {
            assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains(secret), secret + " leaked:\n" + text);
        }
        assertEquals(java.nio.file.Path.of("capture-1.pcap"), shared.captures().get(0).path());
        assertTrue(text.contains("seen in capture-1.pcap"), text);
        // the same name gets the same pseudonym in the title and in the explanation
        FindingRecord f = shared.findings().get(shared.findings().size() - 1);
        String pseudonym = f.title().substring(f.title().lastIndexOf(' ') + 1);
        assertTrue(pseudonym.matches("host-[0-9a-f]{8}\\.invalid"), pseudonym);
        assertTrue(f.explanation().contains("under " + pseudonym + ","), f.explanation());
        // file names are not host names: the GeoIP database that answered is still named
        assertTrue(text.contains("GeoLite2-City.mmdb"), text);
    }

    @Test
    void pcapngOfSelectedFlowsHasExactlyTheirPackets() throws Exception {
        Path capture = SharedData.captures().resolve("zeek-wikipedia.pcap");
        WorkspaceContent content = SharedCaptureTest.fromCapture(capture);
        Set<Long> selected = Set.of(0L, 5L, 20L);
        long expected = content.flows().stream().filter(r -> selected.contains(r.id())).mapToLong(r -> r.flow().packets()).sum();
        Path out = dir.resolve("selected.pcapng");
        PacketExportResult result;
        try (OutputStream o = Files.newOutputStream(out)) {
            result = WorkspaceExporter.pcapng(content, selected, o, Progress.NONE);
        }
        assertEquals(expected, result.packets());
        assertEquals(List.of(), result.problems());
        CaptureAnalysis again = CaptureAnalyzer.analyze(out, Progress.NONE);
        assertEquals(expected, again.packets());
        List<String> want = new ArrayList<>();
        content.flows().stream().filter(r -> selected.contains(r.id())).forEach(r -> want.add(r.flow().key() + " " + r.flow().packets()));
        List<String> got = new ArrayList<>();
        for (Flow f : again.flows()) {
            got.add(f.key() + " " + f.packets());
        }
        assertEquals(new java.util.TreeSet<>(want), new java.util.TreeSet<>(got));
    }

    @Test
    void aFlowThatNoPacketMatchesWhenReadAgainIsReportedNotSilentlyDropped() throws Exception {
        // this capture holds a later IPv6 fragment whose first fragment is missing: a flow without ports
        WorkspaceContent content = SharedCaptureTest.fromCapture(SharedData.captures().resolve("zeek-ipv6-fragmented-dns.pcap"));
        PacketExportResult result;
        try (OutputStream o = Files.newOutputStream(dir.resolve("all.pcapng"))) {
            result = WorkspaceExporter.pcapng(content, Set.of(), o, Progress.NONE);
        }
        long inFlows = content.flows().stream().mapToLong(r -> r.flow().packets()).sum();
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().get(0).startsWith("1 flow of zeek-ipv6-fragmented-dns.pcap matched no packet when read again"),
                result.problems().get(0));
        assertTrue(result.packets() < inFlows, result.packets() + " of " + inFlows);
    }

    @Test
    void pcapngOfAllFlowsComesFromEmbeddedPacketsWhenTheCaptureIsGone() throws Exception {
        Path original = SharedData.captures().resolve("zeek-wikipedia.pcap");
        Path capture = Files.copy(original, dir.resolve("copy.pcap"));
        WorkspaceContent content = SharedCaptureTest.fromCapture(capture);
        WorkspaceContent embedded = content.toBuilder().build();
        WorkspaceContent.Builder b = WorkspaceContent.builder();
        b.capture(embedded.captures().get(0).withEmbedded(true));
        b.flows(embedded.flows());
        Path file = dir.resolve("embedded.egress");
        WorkspaceStore store = new WorkspaceStore();
        store.save(file, b.build(), Progress.NONE);
        Files.delete(capture);

        OpenedWorkspace opened = store.open(file, Progress.NONE);
        Path out = dir.resolve("all.pcapng");
        PacketExportResult result;
        try (OutputStream o = Files.newOutputStream(out)) {
            result = WorkspaceExporter.pcapng(opened.content(), Set.of(), o, Progress.NONE);
        }
        long inFlows = content.flows().stream().mapToLong(r -> r.flow().packets()).sum();
        assertEquals(126, inFlows, "136 packets, 10 of them not IP");
        assertEquals(inFlows, result.packets());
    }
}
