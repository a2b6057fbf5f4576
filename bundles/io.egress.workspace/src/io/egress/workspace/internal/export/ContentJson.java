package io.egress.workspace.internal.export;

import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowName;
import io.egress.core.json.JsonWriter;
import io.egress.core.net.IpAddresses;
import io.egress.core.process.ProcessInfo;
import io.egress.core.process.ProcessKey;
import io.egress.workspace.Bookmark;
import io.egress.workspace.CaptureRef;
import io.egress.workspace.EnrichmentAnswer;
import io.egress.workspace.FindingRecord;
import io.egress.workspace.FlowRecord;
import io.egress.workspace.Note;
import io.egress.workspace.ProcessAttribution;
import io.egress.workspace.Tag;
import io.egress.workspace.WorkspaceContent;
import java.util.Map;
import java.util.Optional;

/** The JSON export: one object with the captures, flows, processes, enrichment, findings, notes, tags and bookmarks. */
public final class ContentJson {
    private final JsonWriter w;

    public ContentJson(Appendable out) {
        this.w = new JsonWriter(out, true);
    }

    public void write(WorkspaceContent content) {
        Map<ProcessKey, ProcessInfo> processes = FlowText.processes(content);
        w.beginObject();
        w.name("captures").beginArray();
        for (CaptureRef c : content.captures()) {
            w.beginObject().field("path", c.path().toString()).field("size", c.size()).field("sha256", c.sha256())
                    .field("embedded", c.embedded()).endObject();
        }
        w.endArray();
        w.name("flows").beginArray();
        content.flows().forEach(f -> flow(f, processes));
        w.endArray();
        w.name("processes").beginArray();
        content.processes().forEach(this::process);
        w.endArray();
        w.name("enrichment").beginArray();
        for (EnrichmentAnswer a : content.enrichment()) {
            w.beginObject().field("address", a.address()).field("kind", a.kind()).field("source", a.source())
                    .field("time", FlowText.millis(a.timeMillis())).field("json", a.json()).endObject();
        }
        w.endArray();
        w.name("findings").beginArray();
        content.findings().forEach(this::finding);
        w.endArray();
        w.name("notes").beginArray();
        for (Note n : content.notes()) {
            w.beginObject().field("subject", n.subject().kind().name().toLowerCase(java.util.Locale.ROOT)).field("key", n.subject().key())
                    .field("text", n.text()).field("updated", FlowText.millis(n.updatedMillis())).endObject();
        }
        w.endArray();
        w.name("tags").beginArray();
        for (Tag t : content.tags()) {
            w.beginObject().field("subject", t.subject().kind().name().toLowerCase(java.util.Locale.ROOT)).field("key", t.subject().key())
                    .field("tag", t.tag()).endObject();
        }
        w.endArray();
        w.name("bookmarks").beginArray();
        for (Bookmark b : content.bookmarks()) {
            w.beginObject().field("name", b.name()).field("start", FlowText.time(b.startNanos())).field("end", FlowText.time(b.endNanos()))
                    .endObject();
        }
        w.endArray();
        w.endObject();
    }

    private void flow(FlowRecord r, Map<ProcessKey, ProcessInfo> processes) {
        Flow f = r.flow();
        w.beginObject().field("id", r.id()).field("capture", r.capture()).field("protocol", FlowText.protocol(f));
        w.field("src", IpAddresses.format(f.initiator())).field("srcPort", FlowText.port(f, f.initiatorPort()).orElse(null));
        w.field("dst", IpAddresses.format(f.responder())).field("dstPort", FlowText.port(f, f.responderPort()).orElse(null));
        w.field("vlan", FlowText.vlan(f));
        w.name("packets").beginObject().field("srcToDst", f.forward().packets()).field("dstToSrc", f.reverse().packets()).endObject();
        w.name("bytes").beginObject().field("srcToDst", f.forward().bytes()).field("dstToSrc", f.reverse().bytes()).endObject();
        w.name("payloadBytes").beginObject().field("srcToDst", f.forward().payloadBytes()).field("dstToSrc", f.reverse().payloadBytes())
                .endObject();
        w.field("first", FlowText.time(f.firstNanos())).field("last", FlowText.time(f.lastNanos()));
        w.field("tcpState", f.tcpState().name()).field("retransmissions", f.retransmissions()).field("icmpErrors", f.icmpErrors());
        w.field("communityId", f.communityId().isEmpty() ? null : f.communityId());
        w.name("names").beginArray();
        for (FlowName n : f.names()) {
            w.beginObject().field("name", n.name()).field("source", FlowText.nameSource(n.source())).field("time", FlowText.time(n.timeNanos()))
                    .endObject();
        }
        w.endArray();
        w.name("process");
        Optional<ProcessAttribution> a = r.attribution();
        if (a.isEmpty()) {
            w.nullValue();
        } else {
            ProcessInfo p = processes.getOrDefault(a.get().process(), ProcessInfo.onlyPid(a.get().process().pid()));
            w.beginObject().field("pid", p.pid()).field("name", p.name()).field("user", p.user()).field("exe", p.exePath())
                    .field("method", a.get().method()).field("confidence", a.get().confidence()).endObject();
        }
        w.endObject();
    }

    private void process(ProcessInfo p) {
        w.beginObject().field("pid", p.pid()).field("startTime", p.startTimeMillis() == ProcessInfo.UNKNOWN ? null : FlowText.millis(p.startTimeMillis()))
                .field("name", p.name()).field("exe", p.exePath()).field("cmdline", p.commandLine()).field("user", p.user())
                .field("uid", p.uid()).field("parentPid", p.parentPid()).field("executable", p.executable().id()).field("source", p.source())
                .endObject();
    }

    private void finding(FindingRecord f) {
        w.beginObject().field("detector", f.detector()).field("severity", f.severity()).field("score", f.score()).field("title", f.title())
                .field("explanation", f.explanation()).field("technique", f.technique().isEmpty() ? null : f.technique());
        w.name("flows").beginArray();
        f.flows().forEach(w::value);
        w.endArray();
        w.field("evidence", f.evidenceJson());
        w.endObject();
    }
}
