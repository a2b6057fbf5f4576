package io.egress.cli.internal.diff;

import io.egress.core.json.JsonWriter;
import io.egress.workspace.DiffReport;
import io.egress.workspace.FindingRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The JSON form of a {@link DiffReport}. */
final class DiffJson {
    private final JsonWriter w;

    DiffJson(PrintStream out) {
        this.w = new JsonWriter(out, true);
    }

    void write(Path baseline, Path later, DiffReport r) {
        w.beginObject().field("baseline", baseline.toString()).field("later", later.toString());
        w.name("newProcesses").beginArray();
        for (DiffReport.NewProcess p : r.newProcesses()) {
            w.beginObject().field("name", p.name()).field("exe", p.exePath()).field("user", p.user()).endObject();
        }
        w.endArray();
        w.name("newDestinations").beginArray();
        for (DiffReport.NewDestination d : r.newDestinations()) {
            w.beginObject().field("owner", d.owner()).field("address", d.address());
            strings("ports", d.ports());
            strings("names", d.names());
            w.field("asn", d.asn().isEmpty() ? null : d.asn()).field("country", d.country().isEmpty() ? null : d.country())
                    .field("newAsn", d.newAsn()).field("newCountry", d.newCountry()).endObject();
        }
        w.endArray();
        w.name("newListeningPorts").beginArray();
        for (DiffReport.ListeningPort p : r.newListeningPorts()) {
            w.beginObject().field("host", p.host()).field("protocol", p.protocol()).field("port", p.port())
                    .field("owner", p.owner().isEmpty() ? null : p.owner()).endObject();
        }
        w.endArray();
        findings("findingsAppeared", r.findingsAppeared());
        findings("findingsGone", r.findingsGone());
        w.endObject();
    }

    private void strings(String name, List<String> values) {
        w.name(name).beginArray();
        values.forEach(w::value);
        w.endArray();
    }

    private void findings(String name, List<FindingRecord> findings) {
        w.name(name).beginArray();
        for (FindingRecord f : findings) {
            w.beginObject().field("detector", f.detector()).field("severity", f.severity()).field("score", f.score()).field("title", f.title())
                    .endObject();
        }
        w.endArray();
    }
}
