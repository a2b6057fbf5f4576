package io.egress.workspace.internal.store;

import io.egress.core.progress.Progress;
import io.egress.workspace.CaptureProblem;
import io.egress.workspace.CaptureRef;
import io.egress.workspace.OpenedWorkspace;
import io.egress.workspace.WorkspaceContent;
import io.egress.workspace.WorkspaceException;
import io.egress.workspace.WorkspaceException.Reason;
import io.egress.workspace.WorkspaceInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Reads verified workspace files. A file of an older schema is copied to a temporary file, the copy
 * migrated and read; the original stays as it is until the next save replaces it.
 */
public final class WorkspaceReader {
    private final Schema schema;

    public WorkspaceReader(Schema schema) {
        this.schema = schema;
    }

    public OpenedWorkspace open(Path file, Progress progress) throws WorkspaceException {
        Path source = file.toAbsolutePath().normalize();
        try (WorkspaceFiles.Verified verified = WorkspaceFiles.open(source, schema, true)) {
            WorkspaceContent content;
            if (verified.version() < schema.version()) {
                content = readMigrated(source, verified, progress);
            } else {
                content = new ContentReader(verified.connection()).read(source, progress);
            }
            return new OpenedWorkspace(source, verified.version(), content, captureProblems(content.captures()));
        } catch (CancellationException e) {
            throw new WorkspaceException(source, Reason.CANCELLED, "opening cancelled", e);
        } catch (SQLException | IOException | RuntimeException e) {
            if (e instanceof WorkspaceException w) {
                throw w;
            }
            throw new WorkspaceException(source, Reason.CORRUPT, "cannot be read: " + e.getMessage(), e);
        }
    }

    public WorkspaceInfo info(Path file) throws WorkspaceException {
        Path source = file.toAbsolutePath().normalize();
        try (WorkspaceFiles.Verified verified = WorkspaceFiles.open(source, schema, false)) {
            ContentReader r = new ContentReader(verified.connection());
            return new WorkspaceInfo(source, verified.version(), r.savedMillis(), r.captures(), r.count("flow"), r.count("process"),
                    r.count("finding"), r.count("note"), r.count("tag"), r.count("bookmark"), r.count("enrichment"), r.liveFlows());
        } catch (SQLException | RuntimeException e) {
            throw new WorkspaceException(source, Reason.CORRUPT, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes the packets embedded for capture {@code index}; false when that capture has none. */
    public boolean extractCapture(Path file, int index, OutputStream out) throws WorkspaceException {
        Path source = file.toAbsolutePath().normalize();
        try (WorkspaceFiles.Verified verified = WorkspaceFiles.open(source, schema, false)) {
            return EmbeddedPackets.copyTo(verified.connection(), index, out);
        } catch (SQLException | IOException | RuntimeException e) {
            if (e instanceof WorkspaceException w) {
                throw w;
            }
            throw new WorkspaceException(source, Reason.IO, "cannot extract capture " + index + ": " + e.getMessage(), e);
        }
    }

    private WorkspaceContent readMigrated(Path source, WorkspaceFiles.Verified verified, Progress progress) throws SQLException, IOException {
        Path copy = Files.createTempFile("egress-migrate-", ".egress");
        Files.delete(copy);
        try {
            try (Statement s = verified.connection().createStatement()) {
                s.execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
            }
            try (Connection c = Sqlite.create(copy)) {
                c.setAutoCommit(false);
                schema.migrate(c, verified.version());
                c.commit();
                return new ContentReader(c).read(source, progress);
            }
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + suffix));
            }
        }
    }

    private static List<CaptureProblem> captureProblems(List<CaptureRef> captures) {
        List<CaptureProblem> problems = new ArrayList<>();
        for (int i = 0; i < captures.size(); i++) {
            CaptureRef c = captures.get(i);
            String embedded = c.embedded() ? " (its packets are embedded in the workspace)" : " (packet export needs it)";
            try {
                if (!Files.isRegularFile(c.path())) {
                    problems.add(new CaptureProblem(i, c, "missing: no longer at " + c.path() + embedded));
                } else if (Files.size(c.path()) != c.size()) {
                    problems.add(new CaptureProblem(i, c, "changed: " + c.path() + " has " + Files.size(c.path())
                            + " bytes, the workspace recorded " + c.size() + embedded));
                }
            } catch (IOException e) {
                problems.add(new CaptureProblem(i, c, "unreadable: " + c.path() + ": " + e.getMessage() + embedded));
            }
        }
        return problems;
    }
}
