package io.egress.workspace;

import io.egress.core.flow.DirectionStats;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.FlowName;
import io.egress.core.flow.NameSource;
import io.egress.core.flow.TcpState;
import io.egress.core.net.IpAddresses;
import io.egress.core.process.ExecutableState;
import io.egress.core.process.ProcessInfo;
import io.egress.core.process.ProcessKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Workspaces with every kind of content, and a complete text form of flows to compare them. */
final class Samples {
    static final ProcessInfo CURL = new ProcessInfo(4242, 1_700_000_000_123L, "curl", "/home/alice/bin/curl",
            "/home/alice/bin/curl -s http://192.168.1.20/", "alice", 1000, 1, ExecutableState.DELETED, "proc");
    static final ProcessInfo BROWSER = new ProcessInfo(77, 1_699_999_000_000L, "firefox", "/usr/lib/firefox/firefox",
            "firefox", "bob", 1001, 1, ExecutableState.PRESENT, "oshi+proc");

    private Samples() {
    }

    static Flow flow(String src, int srcPort, String dst, int dstPort, int protocol, int vlan, String name) {
        byte[] a = IpAddresses.parseLiteral(src);
        byte[] b = IpAddresses.parseLiteral(dst);
        List<FlowName> names = name == null ? List.of()
                : List.of(new FlowName(name, NameSource.DNS, 1_700_000_000_500_000_000L), new FlowName(name, NameSource.TLS_SNI, 1_700_000_000_600_000_001L));
        return new Flow(FlowKey.of(protocol, a, srcPort, b, dstPort, vlan, FlowKey.NO_VLAN), a, srcPort, b, dstPort,
                new DirectionStats(3, 657, 457), new DirectionStats(4, 3112, 2920), 1_700_000_000_000_000_007L,
                1_700_000_009_000_000_009L, protocol == 6 ? TcpState.ESTABLISHED : TcpState.NONE, 2, 1,
                "1:0ZybGKAZaqws1ilyCdWI0C7rEe4=", names, true);
    }

    /** Every kind the workspace stores, with awkward text (quotes, newlines, non-ASCII). */
    static WorkspaceContent everything(CaptureRef capture) {
        WorkspaceContent.Builder b = WorkspaceContent.builder();
        int c = capture == null ? -1 : b.capture(capture);
        b.flow(new FlowRecord(10, c, flow("192.168.1.10", 55058, "192.0.78.150", 443, 6, FlowKey.NO_VLAN, "zeek.org"),
                Optional.of(new ProcessAttribution(CURL.key(), "proc-fd", "high"))));
        b.flow(new FlowRecord(11, c, flow("fd00::5", 5353, "2001:db8::1", 53, 17, 81, "printer.lan"), Optional.empty()));
        b.flow(new FlowRecord(12, c, flow("10.1.2.3", 7, "8.8.8.8", 7, 1, FlowKey.NO_VLAN, null),
                Optional.of(new ProcessAttribution(BROWSER.key(), "netlink", "medium"))));
        b.process(CURL).process(BROWSER).process(ProcessInfo.onlyPid(9));
        b.enrichment(new EnrichmentAnswer("192.0.78.150", EnrichmentAnswer.GEOIP, "GeoLite2-City 2025-01-01 (GeoLite2-City.mmdb)",
                1_700_000_100_000L, "{\"country\":\"US\",\"asn\":2635,\"asOrganization\":\"Automattic\"}"));
        b.enrichment(new EnrichmentAnswer("192.0.78.150", EnrichmentAnswer.RDAP, "https://rdap.arin.net", 1_700_000_200_000L, "{\"name\":\"AUTOMATTIC\"}"));
        b.finding(new FindingRecord("beaconing", "high", 87, "beaconing to 192.0.78.150 every 15 s",
                "regular \"heartbeat\"\nfrom curl (alice)", "T1071.001", List.of(10L, 12L),
                "{\"host\":\"192.168.1.10\",\"addresses\":[\"192.0.78.150\"]}"));
        b.finding(new FindingRecord("direct-ip", "low", 20, "direct IP", "no DNS before", "", List.of(), "{}"));
        b.note(new Note(Subject.address("192.0.78.150"), "Automattic, okay — ünïcode ✓", 1_700_000_300_000L));
        b.note(new Note(Subject.process(new ProcessKey(4242, 1_700_000_000_123L)), "alice's curl, why?", 1_700_000_400_000L));
        b.note(new Note(Subject.flow(11), "mDNS from the printer at 192.168.1.20", 1_700_000_500_000L));
        b.tag(new Tag(Subject.address("192.0.78.150"), "benign")).tag(new Tag(Subject.flow(10), "to-check"));
        b.bookmark(new Bookmark("the burst", 1_700_000_000_000_000_000L, 1_700_000_005_000_000_000L));
        b.detectorSetting("beaconing.minPeriod", "5s").detectorSetting("volume.threshold", "10MB");
        b.viewState("conversations.selection", "10,11").viewState("timeline.range", "1700000000000000000-1700000005000000000");
        return b.build();
    }

    /** Every field of a flow, so that two flows compare equal exactly when all fields are equal. */
    static String describe(FlowRecord r) {
        Flow f = r.flow();
        FlowKey k = f.key();
        HexFormat hex = HexFormat.of();
        return r.id() + "|" + r.capture() + "|" + r.attribution() + "|" + k.protocol() + "|" + hex.formatHex(k.addressA()) + ":" + k.portA()
                + "|" + hex.formatHex(k.addressB()) + ":" + k.portB() + "|" + k.outerVlan() + "/" + k.innerVlan() + "|"
                + hex.formatHex(f.initiator()) + ":" + f.initiatorPort() + "|" + hex.formatHex(f.responder()) + ":" + f.responderPort()
                + "|" + f.forward() + "|" + f.reverse() + "|" + f.firstNanos() + "|" + f.lastNanos() + "|" + f.tcpState() + "|"
                + f.retransmissions() + "|" + f.icmpErrors() + "|" + f.communityId() + "|" + f.names() + "|" + f.portsKnown()
                + "|" + k.equals(r.flow().key());
    }

    static List<String> describe(List<FlowRecord> flows) {
        return flows.stream().map(Samples::describe).collect(Collectors.toList());
    }
}
