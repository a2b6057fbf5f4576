package io.egress.cli.internal.detect;

import io.egress.core.json.JsonWriter;
import io.egress.core.process.ProcessInfo;
import io.egress.detect.DetectionReport;
import io.egress.detect.DetectorFailure;
import io.egress.detect.Evidence;
import io.egress.detect.Finding;
import io.egress.detect.SubScore;
import io.egress.detect.TimeSpan;
import io.egress.capture.pcap.Timestamp;
import java.util.List;

/**
 * Writes detector findings as JSON for {@code analyze --detect --format json}: a {@code findings}
 * array (detector, severity, score, title, explanation, technique, subScores, evidence with
 * addresses, names, flows, timeRange, process, host) and a {@code detectorFailures} array.
 * Times are epoch seconds as decimal text with nanosecond digits, like the rest of analyze's JSON.
 */
public final class FindingsJson {
    private FindingsJson() {
    }

    /** Writes {@code "findings": [...], "detectorFailures": [...]} into the object being written. */
    public static void writeFields(JsonWriter json, DetectionReport report) {
        json.name("findings");
        writeFindings(json, report.findings());
        json.name("detectorFailures").beginArray();
        for (DetectorFailure f : report.failures()) {
            json.beginObject().field("detector", f.detector()).field("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .field("message", f.message()).endObject();
        }
        json.endArray();
    }

    /** Writes the findings as an array. */
    public static void writeFindings(JsonWriter json, List<Finding> findings) {
        json.beginArray();
        for (Finding f : findings) {
            write(json, f);
        }
        json.endArray();
    }

    private static void write(JsonWriter json, Finding f) {
        json.beginObject()
                .field("detector", f.detector())
                .field("severity", f.severity().id())
                .field("score", f.score())
                .field("title", f.title())
                .field("explanation", f.explanation());
        json.name("technique").value(f.technique().orElse(null));
        json.name("subScores").beginArray();
        for (SubScore s : f.subScores()) {
            json.beginObject().field("name", s.name()).field("value", Math.round(s.value() * 1000) / 1000.0).field("detail", s.detail())
                    .endObject();
        }
        json.endArray();
        evidence(json, f.evidence());
        json.endObject();
    }

    private static void evidence(JsonWriter json, Evidence e) {
        json.name("evidence").beginObject();
        strings(json, "addresses", e.addresses());
        strings(json, "names", e.names());
        json.name("flows").beginArray();
        e.flows().forEach(json::value);
        json.endArray();
        json.name("timeRange");
        if (e.timeRanges().isEmpty()) {
            json.nullValue();
        } else {
            TimeSpan all = new TimeSpan(e.timeRanges().stream().mapToLong(TimeSpan::firstNanos).min().getAsLong(),
                    e.timeRanges().stream().mapToLong(TimeSpan::lastNanos).max().getAsLong());
            json.beginObject().field("first", Timestamp.formatEpochNanos(all.firstNanos(), 9))
                    .field("last", Timestamp.formatEpochNanos(all.lastNanos(), 9))
                    .field("durationSeconds", all.durationSeconds()).endObject();
        }
        json.name("process");
        if (e.process().isEmpty()) {
            json.nullValue();
        } else {
            ProcessInfo p = e.process().get();
            json.beginObject().field("pid", p.pid()).field("name", p.name()).field("exePath", p.exePath())
                    .field("user", p.user()).field("executable", p.executable().id()).endObject();
        }
        json.field("host", e.host());
        json.endObject();
    }

    private static void strings(JsonWriter json, String name, List<String> values) {
        json.name(name).beginArray();
        values.forEach(json::value);
        json.endArray();
    }
}
