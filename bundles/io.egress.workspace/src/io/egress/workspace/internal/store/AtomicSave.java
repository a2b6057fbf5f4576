package io.egress.workspace.internal.store;

import io.egress.core.progress.Progress;
import io.egress.workspace.CaptureRef;
import io.egress.workspace.FlowRecord;
import io.egress.workspace.WorkspaceContent;
import io.egress.workspace.WorkspaceException;
import io.egress.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * Saves a workspace so that the file on disk is always a complete save: the content is written, in
 * one transaction, to a new temporary file in the target's directory, which is synced and then
 * renamed over the target in one atomic step. A crash at any moment leaves either the previous
 * file or the new one, plus at worst a stray temporary file that the next save removes. An
 * existing target that is not a readable Egress workspace is never replaced.
 */
public final class AtomicSave {
    static final String TEMP_SUFFIX = ".egress-tmp";
    private static final System.Logger LOG = System.getLogger(AtomicSave.class.getName());

    private final Schema schema;

    public AtomicSave(Schema schema) {
        this.schema = schema;
    }

    public void save(Path file, WorkspaceContent content, Progress progress) throws WorkspaceException {
        Path target = file.toAbsolutePath().normalize();
        requireUniqueFlowIds(target, content);
        if (Files.exists(target)) {
            guardExisting(target);
        }
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            write(temp, target, content, progress);
            sync(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(target.getParent());
        } catch (CancellationException e) {
            deleteTemp(temp, e);
            throw new WorkspaceException(target, Reason.CANCELLED, "save cancelled; the previous save is unchanged", e);
        } catch (SQLException | IOException | RuntimeException e) {
            deleteTemp(temp, e);
            if (e instanceof WorkspaceException w) {
                throw w;
            }
            throw new WorkspaceException(target, Reason.IO, "could not be saved (the previous save is unchanged): " + e.getMessage(), e);
        }
        removeStrayTemps(target);
    }

    private void guardExisting(Path target) throws WorkspaceException {
        try (WorkspaceFiles.Verified existing = WorkspaceFiles.open(target, schema, false)) {
            LOG.log(System.Logger.Level.DEBUG, () -> "replacing " + target + " (schema version " + existing.version() + ")");
        } catch (WorkspaceException e) {
            throw new WorkspaceException(target, e.reason(), "will not be overwritten: " + e.problem(), e);
        } catch (SQLException e) {
            throw new WorkspaceException(target, Reason.IO, "could not be checked before overwriting: " + e.getMessage(), e);
        }
    }

    private static void requireUniqueFlowIds(Path target, WorkspaceContent content) throws WorkspaceException {
        Set<Long> ids = new HashSet<>();
        for (FlowRecord f : content.flows()) {
            if (!ids.add(f.id())) {
                throw new WorkspaceException(target, Reason.IO, "not saved: two flows have the id " + f.id());
            }
        }
    }

    private void write(Path temp, Path target, WorkspaceContent content, Progress progress) throws SQLException, IOException {
        long total = content.flows().size() + content.processes().size() + content.enrichment().size() + content.findings().size()
                + content.captures().stream().filter(CaptureRef::embedded).mapToLong(CaptureRef::size).sum();
        SaveProgress saveProgress = new SaveProgress(progress, total);
        try (Connection c = Sqlite.create(temp)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
            }
            c.setAutoCommit(false);
            schema.migrate(c, 0);
            new ContentWriter(c, saveProgress).write(content, System.currentTimeMillis());
            embed(c, target, content, saveProgress);
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // The finished file is self-contained: no -wal beside it to lose when it is copied.
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                s.execute("PRAGMA journal_mode = DELETE");
            }
        }
    }

    private void embed(Connection c, Path target, WorkspaceContent content, SaveProgress progress) throws SQLException, IOException {
        for (int i = 0; i < content.captures().size(); i++) {
            CaptureRef capture = content.captures().get(i);
            if (!capture.embedded()) {
                continue;
            }
            if (Files.isRegularFile(capture.path()) && Files.size(capture.path()) == capture.size()) {
                EmbeddedPackets.fromFile(c, i, capture, progress);
            } else if (!fromWorkspace(c, i, capture, content.origin(), progress)
                    && !fromWorkspace(c, i, capture, Optional.of(target).filter(Files::exists), progress)) {
                throw new IOException("the packets of " + capture.path() + " are to be embedded, but the file is gone and no"
                        + " workspace at hand holds them");
            }
        }
    }

    private boolean fromWorkspace(Connection c, int index, CaptureRef capture, Optional<Path> workspace, SaveProgress progress)
            throws SQLException, IOException {
        if (workspace.isEmpty() || !Files.exists(workspace.get())) {
            return false;
        }
        try (WorkspaceFiles.Verified source = WorkspaceFiles.open(workspace.get(), schema, false)) {
            return EmbeddedPackets.fromWorkspace(c, index, source.connection(), capture.sha256(), progress);
        }
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Makes the rename itself durable (POSIX); not possible, and not needed, everywhere. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot sync directory " + dir + ": " + e.getMessage());
        }
    }

    private static void deleteTemp(Path temp, Exception primary) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + suffix));
            } catch (IOException e) {
                primary.addSuppressed(e);
            }
        }
    }

    /** Temporary files of saves that were killed; harmless, but they take space. */
    private static void removeStrayTemps(Path target) {
        String glob = "." + target.getFileName() + ".*" + TEMP_SUFFIX + "*";
        try (DirectoryStream<Path> stray = Files.newDirectoryStream(target.getParent(), glob)) {
            for (Path p : stray) {
                Files.deleteIfExists(p);
                LOG.log(System.Logger.Level.INFO, () -> "removed " + p + ", left by an interrupted save");
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot remove temporary files of interrupted saves beside " + target + ": " + e);
        }
    }
}
