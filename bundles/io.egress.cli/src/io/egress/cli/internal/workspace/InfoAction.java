package io.egress.cli.internal.workspace;

import io.egress.cli.internal.Command;
import io.egress.cli.internal.Options;
import io.egress.cli.internal.TextTable;
import io.egress.cli.internal.UsageException;
import io.egress.core.json.JsonWriter;
import io.egress.workspace.CaptureRef;
import io.egress.workspace.WorkspaceException;
import io.egress.workspace.WorkspaceInfo;
import io.egress.workspace.WorkspaceStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@code egress workspace info FILE [--format json|table]}. */
final class InfoAction {
    private final PrintStream out;

    InfoAction(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) throws WorkspaceException {
        Options o = Options.parse(args, Set.of("format"), Set.of());
        String format = o.choice("format", "table", Set.of("json", "table"));
        if (o.positional().size() != 1) {
            throw new UsageException("info needs exactly one FILE.egress");
        }
        WorkspaceInfo info = new WorkspaceStore().info(Path.of(o.positional().get(0)));
        if (format.equals("json")) {
            json(info);
        } else {
            table(info);
        }
        out.flush();
        return Command.OK;
    }

    private void json(WorkspaceInfo info) {
        JsonWriter w = new JsonWriter(out, true);
        w.beginObject().field("file", info.file().toString()).field("schemaVersion", info.schemaVersion())
                .field("saved", Instant.ofEpochMilli(info.savedMillis()).toString());
        w.field("flows", info.flows()).field("processes", info.processes()).field("findings", info.findings()).field("notes", info.notes())
                .field("tags", info.tags()).field("bookmarks", info.bookmarks()).field("enrichment", info.enrichment())
                .field("liveFlows", info.liveFlows());
        w.name("captures").beginArray();
        for (CaptureRef c : info.captures()) {
            w.beginObject().field("path", c.path().toString()).field("size", c.size()).field("sha256", c.sha256())
                    .field("embedded", c.embedded()).field("present", present(c)).endObject();
        }
        w.endArray().endObject();
    }

    private void table(WorkspaceInfo info) {
        out.println("file:        " + info.file());
        out.println("schema:      " + info.schemaVersion());
        out.println("saved:       " + Instant.ofEpochMilli(info.savedMillis()));
        out.println("flows:       " + info.flows() + (info.liveFlows() > 0 ? " (" + info.liveFlows()
                + " from a live capture: a snapshot without packets)" : ""));
        out.println("processes:   " + info.processes());
        out.println("findings:    " + info.findings());
        out.println("notes:       " + info.notes());
        out.println("tags:        " + info.tags());
        out.println("bookmarks:   " + info.bookmarks());
        out.println("enrichment:  " + info.enrichment());
        out.println();
        TextTable t = new TextTable(List.of("capture", "size", "sha256", "embedded", "present"));
        for (CaptureRef c : info.captures()) {
            t.add(List.of(c.path().toString(), Long.toString(c.size()), c.sha256(), c.embedded() ? "yes" : "no", present(c) ? "yes" : "no"));
        }
        t.print(out);
    }

    /** The capture is at hand when a file of the recorded size is at its path (hashing it again would be slow). */
    private static boolean present(CaptureRef c) {
        try {
            return Files.isRegularFile(c.path()) && Files.size(c.path()) == c.size();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
