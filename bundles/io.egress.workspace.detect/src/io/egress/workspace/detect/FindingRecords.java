package io.egress.workspace.detect;

import io.egress.core.json.JsonWriter;
import io.egress.core.process.ExecutableState;
import io.egress.core.process.ProcessInfo;
import io.egress.detect.Evidence;
import io.egress.detect.Finding;
import io.egress.detect.Severity;
import io.egress.detect.SubScore;
import io.egress.detect.TimeSpan;
import io.egress.workspace.FindingRecord;
import io.egress.workspace.detect.internal.EvidenceJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Detector findings as workspace records and back. The workspace stores findings without depending
 * on the detector bundle, so the mapping lives here, where both are at hand; the command line's
 * {@code workspace save} and the workbench's Save/Open use it.
 */
public final class FindingRecords {
    private FindingRecords() {
    }

    /**
     * @param firstFlowId workspace id of the capture's first flow: evidence flow indexes are per capture
     */
    public static FindingRecord of(Finding f, long firstFlowId) {
        List<Long> flows = f.evidence().flows().stream().map(i -> firstFlowId + i).toList();
        return new FindingRecord(f.detector(), f.severity().id(), f.score(), f.title(), f.explanation(), f.technique().orElse(""), flows,
                evidence(f));
    }

    /**
     * The finding a record was made from ({@link #of}): flow ids become indexes into the capture's
     * flows again, sub-scores, time ranges, process, host, addresses and names come from the evidence
     * JSON. The process keeps what the record holds (pid, start, name, executable, user).
     *
     * @throws IllegalArgumentException when the evidence is not the JSON {@link #of} writes
     */
    public static Finding toFinding(FindingRecord r, long firstFlowId) {
        Map<String, Object> e = EvidenceJson.object(r.evidenceJson());
        List<Integer> flows = r.flows().stream().map(id -> Math.toIntExact(id - firstFlowId)).toList();
        List<TimeSpan> spans = new ArrayList<>();
        for (Object o : EvidenceJson.list(e.get("timeRanges"))) {
            Map<String, Object> t = EvidenceJson.map(o);
            spans.add(new TimeSpan(EvidenceJson.number(t.get("firstNanos")), EvidenceJson.number(t.get("lastNanos"))));
        }
        Optional<ProcessInfo> process = Optional.empty();
        if (e.get("process") instanceof Map<?, ?>) {
            Map<String, Object> p = EvidenceJson.map(e.get("process"));
            process = Optional.of(new ProcessInfo(EvidenceJson.number(p.get("pid")), EvidenceJson.number(p.get("startTimeMillis")),
                    EvidenceJson.text(p.get("name")), EvidenceJson.text(p.get("exe")), "", EvidenceJson.text(p.get("user")),
                    ProcessInfo.UNKNOWN, ProcessInfo.UNKNOWN, ExecutableState.UNKNOWN, "workspace"));
        }
        List<SubScore> subScores = new ArrayList<>();
        for (Object o : EvidenceJson.list(e.get("subScores"))) {
            Map<String, Object> s = EvidenceJson.map(o);
            subScores.add(new SubScore(EvidenceJson.text(s.get("name")), EvidenceJson.decimal(s.get("value")), EvidenceJson.text(s.get("detail"))));
        }
        Evidence evidence = new Evidence(flows, spans, process, EvidenceJson.text(e.get("host")), EvidenceJson.texts(e.get("addresses")),
                EvidenceJson.texts(e.get("names")));
        return new Finding(r.detector(), Severity.fromId(r.severity()), r.score(), r.title(), r.explanation(),
                r.technique().isEmpty() ? Optional.empty() : Optional.of(r.technique()), subScores, evidence);
    }

    private static String evidence(Finding f) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb, false);
        Evidence e = f.evidence();
        w.beginObject();
        w.field("host", e.host());
        w.name("addresses").beginArray();
        e.addresses().forEach(w::value);
        w.endArray();
        w.name("names").beginArray();
        e.names().forEach(w::value);
        w.endArray();
        w.name("timeRanges").beginArray();
        for (TimeSpan t : e.timeRanges()) {
            w.beginObject().field("firstNanos", t.firstNanos()).field("lastNanos", t.lastNanos()).endObject();
        }
        w.endArray();
        w.name("process");
        if (e.process().isPresent()) {
            var p = e.process().get();
            w.beginObject().field("pid", p.pid()).field("startTimeMillis", p.startTimeMillis()).field("name", p.name())
                    .field("exe", p.exePath()).field("user", p.user()).endObject();
        } else {
            w.nullValue();
        }
        w.name("subScores").beginArray();
        for (SubScore s : f.subScores()) {
            w.beginObject().field("name", s.name()).field("value", s.value()).field("detail", s.detail()).endObject();
        }
        w.endArray();
        w.endObject();
        return sb.toString();
    }
}
