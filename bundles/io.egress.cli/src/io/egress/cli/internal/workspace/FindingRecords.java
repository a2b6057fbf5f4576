package io.egress.cli.internal.workspace;

import io.egress.core.json.JsonWriter;
import io.egress.detect.Evidence;
import io.egress.detect.Finding;
import io.egress.detect.SubScore;
import io.egress.detect.TimeSpan;
import io.egress.workspace.FindingRecord;
import java.util.List;

/**
 * Detector findings as workspace records: the workspace stores findings without depending on the
 * detector bundle, so the mapping lives here, where both are at hand.
 */
final class FindingRecords {
    private FindingRecords() {
    }

    /**
     * @param firstFlowId workspace id of the capture's first flow: evidence flow indexes are per capture
     */
    static FindingRecord of(Finding f, long firstFlowId) {
        List<Long> flows = f.evidence().flows().stream().map(i -> firstFlowId + i).toList();
        return new FindingRecord(f.detector(), f.severity().id(), f.score(), f.title(), f.explanation(), f.technique().orElse(""), flows,
                evidence(f));
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
