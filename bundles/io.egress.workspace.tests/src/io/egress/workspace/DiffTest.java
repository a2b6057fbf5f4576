package io.egress.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.flow.FlowKey;
import io.egress.core.process.ExecutableState;
import io.egress.core.process.ProcessInfo;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiffTest {
    @Test
    void listsNewProcessesDestinationsPortsAndFindings() {
        WorkspaceContent baseline = Samples.everything(null);
        ProcessInfo spy = new ProcessInfo(5555, 1_700_000_900_000L, "updater", "/tmp/.x/updater", "/tmp/.x/updater -q", "alice", 1000, 1,
                ExecutableState.DELETED, "proc");
        WorkspaceContent current = baseline.toBuilder()
                .process(spy)
                .flow(new FlowRecord(20, -1, Samples.flow("192.168.1.10", 40000, "203.0.113.9", 8443, 6, FlowKey.NO_VLAN, "c2.example"),
                        Optional.of(new ProcessAttribution(spy.key(), "proc-fd", "high"))))
                .flow(new FlowRecord(21, -1, Samples.flow("192.168.1.10", 40001, "192.0.78.151", 443, 6, FlowKey.NO_VLAN, null),
                        Optional.of(new ProcessAttribution(Samples.CURL.key(), "proc-fd", "high"))))
                .flow(new FlowRecord(22, -1, Samples.flow("192.168.1.77", 50000, "192.168.1.10", 2222, 6, FlowKey.NO_VLAN, null), Optional.empty()))
                .enrichment(new EnrichmentAnswer("203.0.113.9", EnrichmentAnswer.GEOIP, "test", 1,
                        "{\"country\":{\"isoCode\":\"RU\",\"name\":\"Russia\"},\"asn\":{\"number\":64500,\"organization\":\"X\"}}"))
                .enrichment(new EnrichmentAnswer("192.0.78.151", EnrichmentAnswer.GEOIP, "test", 1, "{\"country\":\"US\",\"asn\":2635}"))
                .finding(new FindingRecord("beaconing", "critical", 95, "beaconing to 203.0.113.9 every 60 s", "regular", "", List.of(20L), "{}"))
                .build();
        WorkspaceContent.Builder withoutDirectIp = WorkspaceContent.builder();
        current.findings().stream().filter(f -> !f.detector().equals("direct-ip")).forEach(withoutDirectIp::finding);
        current = new WorkspaceContent(current.captures(), current.flows(), current.processes(), current.enrichment(),
                withoutDirectIp.build().findings(), current.notes(), current.tags(), current.bookmarks(), current.detectorSettings(),
                current.viewState(), current.origin());

        DiffReport diff = WorkspaceDiff.compare(baseline, current);
        assertEquals(List.of(new DiffReport.NewProcess("updater", "/tmp/.x/updater", "alice")), diff.newProcesses());
        assertEquals(3, diff.newDestinations().size(), diff.newDestinations().toString());
        assertTrue(diff.newDestinations().stream().anyMatch(d -> d.owner().equals("host 192.168.1.77") && d.address().equals("192.168.1.10")));
        DiffReport.NewDestination c2 = diff.newDestinations().stream().filter(d -> d.address().equals("203.0.113.9")).findFirst().orElseThrow();
        assertEquals("updater (/tmp/.x/updater)", c2.owner());
        assertEquals(List.of("tcp/8443"), c2.ports());
        assertEquals(List.of("c2.example"), c2.names());
        assertEquals("AS64500", c2.asn());
        assertEquals("RU", c2.country());
        assertTrue(c2.newAsn() && c2.newCountry());
        DiffReport.NewDestination sameAs = diff.newDestinations().stream().filter(d -> d.address().equals("192.0.78.151")).findFirst().orElseThrow();
        assertEquals("curl (/home/alice/bin/curl)", sameAs.owner());
        assertEquals("AS2635", sameAs.asn());
        assertTrue(!sameAs.newAsn() && !sameAs.newCountry(), "curl already talked to AS2635 in the US");
        assertEquals(List.of(new DiffReport.ListeningPort("192.168.1.10", "tcp", 2222, "")), diff.newListeningPorts());
        assertEquals(List.of("beaconing to 203.0.113.9 every 60 s"), diff.findingsAppeared().stream().map(FindingRecord::title).toList());
        assertEquals(List.of("direct IP"), diff.findingsGone().stream().map(FindingRecord::title).toList());
        assertTrue(WorkspaceDiff.compare(current, current).isEmpty());
    }
}
