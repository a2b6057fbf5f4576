package io.egress.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A summary of a workspace file, read without loading its flows.
 *
 * @param file          the file
 * @param schemaVersion its schema version
 * @param savedMillis   when it was saved, epoch milliseconds
 * @param captures      the captures with their SHA-256
 * @param flows         number of flows
 * @param processes     number of process snapshots
 * @param findings      number of findings
 * @param notes         number of notes
 * @param tags          number of tags
 * @param bookmarks     number of bookmarks
 * @param enrichment    number of enrichment answers
 * @param liveFlows     how many of the flows come from a live capture (capture -1: a snapshot, no packets)
 */
public record WorkspaceInfo(Path file, int schemaVersion, long savedMillis, List<CaptureRef> captures, long flows,
        long processes, long findings, long notes, long tags, long bookmarks, long enrichment, long liveFlows) {
    public WorkspaceInfo {
        Objects.requireNonNull(file, "file");
        captures = List.copyOf(captures);
    }
}
