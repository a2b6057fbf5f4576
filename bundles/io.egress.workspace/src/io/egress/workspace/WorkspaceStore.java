package io.egress.workspace;

import io.egress.core.progress.Progress;
import io.egress.workspace.internal.store.AtomicSave;
import io.egress.workspace.internal.store.Schema;
import io.egress.workspace.internal.store.WorkspaceReader;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Saves and opens workspace files. Stateless apart from the schema; thread-safe; one instance may
 * serve the whole application (create it where needed, or register it as a service).
 *
 * <p>Guarantees: a save replaces the file atomically (complete old file or complete new file, even
 * when the process is killed); an existing file that is not a readable Egress workspace of a known
 * version is never overwritten; opening never writes to the file and checks its integrity and
 * version first.
 */
public final class WorkspaceStore {
    /** The usual file name extension. */
    public static final String EXTENSION = ".egress";

    private final AtomicSave saver = new AtomicSave(Schema.CURRENT);
    private final WorkspaceReader reader = new WorkspaceReader(Schema.CURRENT);

    /** The schema version this version of Egress writes. */
    public int schemaVersion() {
        return Schema.CURRENT.version();
    }

    /**
     * Writes {@code content} to {@code file} (Save and Save As alike). Embedded captures are copied
     * from their file, or from {@link WorkspaceContent#origin()} when the file is gone.
     *
     * @param progress rows and bytes written; cancelling throws {@link WorkspaceException} with
     *                 reason {@code CANCELLED} and leaves the previous save
     * @throws WorkspaceException when it cannot be saved; the previous file is then unchanged
     */
    public void save(Path file, WorkspaceContent content, Progress progress) throws WorkspaceException {
        saver.save(file, content, progress);
    }

    /**
     * Reads a workspace file after checking it (SQLite header, integrity, schema version), without
     * ever writing to it. Captures that are not at hand are listed in the result; the rest opens.
     *
     * @param progress flows read
     * @throws WorkspaceException naming the file and the problem: not a workspace, truncated,
     *                            damaged, or written by a newer version
     */
    public OpenedWorkspace open(Path file, Progress progress) throws WorkspaceException {
        return reader.open(file, progress);
    }

    /** Counts and captures of a workspace file, without reading its flows. */
    public WorkspaceInfo info(Path file) throws WorkspaceException {
        return reader.info(file);
    }

    /** Writes the packets embedded for capture {@code index} (a pcap or pcapng file); false when none are. */
    public boolean extractCapture(Path file, int index, OutputStream out) throws WorkspaceException {
        return reader.extractCapture(file, index, out);
    }
}
