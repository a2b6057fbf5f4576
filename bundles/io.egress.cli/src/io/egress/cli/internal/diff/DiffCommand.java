package io.egress.cli.internal.diff;

import io.egress.cli.internal.Command;
import io.egress.cli.internal.Options;
import io.egress.cli.internal.UsageException;
import io.egress.core.progress.Progress;
import io.egress.workspace.DiffReport;
import io.egress.workspace.OpenedWorkspace;
import io.egress.workspace.WorkspaceDiff;
import io.egress.workspace.WorkspaceException;
import io.egress.workspace.WorkspaceStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code egress diff BASELINE.egress LATER.egress [--format json|table]}: what is new since the baseline. */
public final class DiffCommand implements Command {
    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String summary() {
        return "compare two workspaces: new processes, destinations, listening ports, findings";
    }

    @Override
    public String help() {
        return """
                Usage: egress diff BASELINE.egress LATER.egress [--format json|table]

                Lists what LATER has that BASELINE had not:
                  - processes (matched by executable path and user; pids change between sessions)
                  - destinations per owner: the process, or "host ADDRESS" for flows without
                    attribution (captures), with ASN and country when GeoIP answers are stored, and
                    whether that owner reached that AS or country before
                  - listening ports: local addresses whose TCP port completed a handshake or whose
                    UDP port answered
                  - findings (by detector and title) that appeared, and those that went away

                Options:
                  --format table   sections of aligned rows (default)
                  --format json    one JSON object (fields in docs/workspace.md)

                Exit status: 0 when both files were read (whether or not they differ),
                1 when one cannot be read, 2 on a usage error.

                Example:
                  egress diff last-week.egress today.egress --format json
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, Set.of("format"), Set.of());
        String format = o.choice("format", "table", Set.of("json", "table"));
        if (o.positional().size() != 2) {
            throw new UsageException("two workspace files expected: BASELINE.egress LATER.egress");
        }
        WorkspaceStore store = new WorkspaceStore();
        try {
            OpenedWorkspace baseline = store.open(Path.of(o.positional().get(0)), Progress.NONE);
            OpenedWorkspace later = store.open(Path.of(o.positional().get(1)), Progress.NONE);
            DiffReport report = WorkspaceDiff.compare(baseline.content(), later.content());
            if (format.equals("json")) {
                new DiffJson(out).write(baseline.file(), later.file(), report);
            } else {
                new DiffTable(out).write(report);
            }
            out.flush();
            return OK;
        } catch (WorkspaceException e) {
            err.println("egress diff: " + e.getMessage());
            return FAILURE;
        }
    }
}
