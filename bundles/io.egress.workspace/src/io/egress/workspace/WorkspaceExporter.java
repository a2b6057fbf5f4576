package io.egress.workspace;

import io.egress.core.progress.Progress;
import io.egress.workspace.internal.export.ContentCsv;
import io.egress.workspace.internal.export.ContentJson;
import io.egress.workspace.internal.export.ContentPseudonymiser;
import io.egress.workspace.internal.export.PacketExport;
import io.egress.workspace.internal.export.Pseudonymiser;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/**
 * Exports of a workspace for reports and other tools. Stateless; every method may be called from
 * any thread. Field lists are in {@code docs/workspace.md}.
 */
public final class WorkspaceExporter {
    private WorkspaceExporter() {
    }

    /** One JSON object: captures, flows (with process), processes, enrichment, findings, notes, tags, bookmarks. */
    public static void json(WorkspaceContent content, Appendable out) {
        new ContentJson(out).write(content);
    }

    /** Flows as CSV, one header row. */
    public static void flowsCsv(WorkspaceContent content, Appendable out) {
        ContentCsv.flows(content, out);
    }

    /** Findings as CSV, one header row. */
    public static void findingsCsv(WorkspaceContent content, Appendable out) {
        ContentCsv.findings(content, out);
    }

    /** Notes (with the tags of their subject) as CSV, one header row. */
    public static void notesCsv(WorkspaceContent content, Appendable out) {
        ContentCsv.notes(content, out);
    }

    /**
     * A copy fit to share: internal (non-public) addresses, host names and user names replaced by
     * consistent pseudonyms (the same original gives the same pseudonym within this copy), also inside
     * notes, findings and command lines; the view state and the origin are left out. The key of the
     * pseudonyms is random and not kept, so two copies cannot be linked. Export the result with the
     * JSON or CSV methods; packets cannot be pseudonymised.
     */
    public static WorkspaceContent pseudonymised(WorkspaceContent content) {
        return new ContentPseudonymiser(Pseudonymiser.withRandomKey()).apply(content);
    }

    /**
     * Writes the packets of the flows with the given ids (all flows when empty) as pcapng, reading
     * each capture from its file or, when the file is gone, from the packets embedded in
     * {@link WorkspaceContent#origin()}.
     */
    public static PacketExportResult pcapng(WorkspaceContent content, Set<Long> flowIds, OutputStream out, Progress progress)
            throws IOException {
        return new PacketExport(new WorkspaceStore()).write(content, flowIds, out, progress);
    }
}
