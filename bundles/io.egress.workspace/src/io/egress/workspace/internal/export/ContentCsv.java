package io.egress.workspace.internal.export;

import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowName;
import io.egress.core.json.CsvWriter;
import io.egress.core.net.IpAddresses;
import io.egress.core.process.ProcessInfo;
import io.egress.core.process.ProcessKey;
import io.egress.workspace.FindingRecord;
import io.egress.workspace.FlowRecord;
import io.egress.workspace.Note;
import io.egress.workspace.WorkspaceContent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The CSV exports: one table each for flows, findings and notes (with the tags of each subject). */
public final class ContentCsv {
    private ContentCsv() {
    }

    public static void flows(WorkspaceContent content, Appendable out) {
        Map<ProcessKey, ProcessInfo> processes = FlowText.processes(content);
        CsvWriter csv = new CsvWriter(out);
        csv.row("id", "capture", "protocol", "src", "srcPort", "dst", "dstPort", "vlan", "packetsSrcToDst", "packetsDstToSrc",
                "bytesSrcToDst", "bytesDstToSrc", "payloadSrcToDst", "payloadDstToSrc", "first", "last", "tcpState", "retransmissions",
                "communityId", "names", "pid", "process", "user");
        for (FlowRecord r : content.flows()) {
            Flow f = r.flow();
            ProcessInfo p = r.attribution().map(a -> processes.getOrDefault(a.process(), ProcessInfo.onlyPid(a.process().pid()))).orElse(null);
            csv.row(Arrays.asList(r.id(), r.capture(), FlowText.protocol(f), IpAddresses.format(f.initiator()),
                    FlowText.port(f, f.initiatorPort()).orElse(null), IpAddresses.format(f.responder()),
                    FlowText.port(f, f.responderPort()).orElse(null), FlowText.vlan(f), f.forward().packets(), f.reverse().packets(),
                    f.forward().bytes(), f.reverse().bytes(), f.forward().payloadBytes(), f.reverse().payloadBytes(),
                    FlowText.time(f.firstNanos()), FlowText.time(f.lastNanos()), f.tcpState().name(), f.retransmissions(), f.communityId(),
                    f.names().stream().map(FlowName::name).distinct().collect(Collectors.joining(" ")),
                    p == null ? null : p.pid(), p == null ? null : p.name(), p == null ? null : p.user()));
        }
    }

    public static void findings(WorkspaceContent content, Appendable out) {
        CsvWriter csv = new CsvWriter(out);
        csv.row("detector", "severity", "score", "title", "explanation", "technique", "flows", "evidence");
        for (FindingRecord f : content.findings()) {
            csv.row(f.detector(), f.severity(), f.score(), f.title(), f.explanation(), f.technique(),
                    f.flows().stream().map(String::valueOf).collect(Collectors.joining(" ")), f.evidenceJson());
        }
    }

    public static void notes(WorkspaceContent content, Appendable out) {
        CsvWriter csv = new CsvWriter(out);
        csv.row("subject", "key", "text", "updated", "tags");
        for (Note n : content.notes()) {
            List<String> tags = content.tags().stream().filter(t -> t.subject().equals(n.subject())).map(t -> t.tag()).toList();
            csv.row(n.subject().kind().name().toLowerCase(Locale.ROOT), n.subject().key(), n.text(), FlowText.millis(n.updatedMillis()),
                    String.join(" ", tags));
        }
    }
}
