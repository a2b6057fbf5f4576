package io.egress.workspace.internal.store;

import io.egress.workspace.WorkspaceException;
import io.egress.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a workspace file before anything trusts it, in order: the SQLite header (magic, page size,
 * page count against the file size, application id), then, on a read-only immutable connection,
 * SQLite's integrity check and the schema version. Nothing here can write to the file.
 */
public final class WorkspaceFiles {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 100;
    private static final int MAX_PROBLEMS = 5;

    private WorkspaceFiles() {
    }

    /**
     * Opens a verified read-only connection; the caller closes it.
     *
     * @param fullCheck {@code integrity_check} (open) rather than the faster {@code quick_check}
     *                  (guarding an overwrite)
     */
    public static Verified open(Path file, Schema schema, boolean fullCheck) throws WorkspaceException {
        checkHeader(file);
        Connection c;
        try {
            c = Sqlite.readOnly(file);
        } catch (SQLException e) {
            throw new WorkspaceException(file, Reason.CORRUPT, "SQLite cannot open it: " + e.getMessage(), e);
        }
        try {
            checkIntegrity(file, c, fullCheck);
            int version = version(file, c);
            if (version > schema.version()) {
                throw new WorkspaceException(file, Reason.NEWER_VERSION, "written by a newer Egress (workspace schema version "
                        + version + "; this version reads up to " + schema.version() + "): open it with that version");
            }
            return new Verified(c, version);
        } catch (WorkspaceException | RuntimeException e) {
            closeQuietly(c, e);
            throw e;
        }
    }

    /** A verified read-only connection and the file's schema version. */
    public record Verified(Connection connection, int version) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    static void checkHeader(Path file) throws WorkspaceException {
        byte[] header = new byte[HEADER];
        int n;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            n = in.readNBytes(header, 0, HEADER);
        } catch (NoSuchFileException e) {
            throw new WorkspaceException(file, Reason.IO, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new WorkspaceException(file, Reason.IO, "permission denied", e);
        } catch (IOException e) {
            throw new WorkspaceException(file, Reason.IO, "cannot be read: " + e.getMessage(), e);
        }
        if (n == 0) {
            throw new WorkspaceException(file, Reason.NOT_A_WORKSPACE, "not an Egress workspace: the file is empty");
        }
        if (n < HEADER) {
            boolean sqlitePrefix = startsWithMagic(header, n);
            throw new WorkspaceException(file, sqlitePrefix ? Reason.CORRUPT : Reason.NOT_A_WORKSPACE,
                    (sqlitePrefix ? "truncated: " : "not an Egress workspace: ") + "only " + n
                            + " bytes, shorter than an SQLite header (" + HEADER + " bytes)");
        }
        if (!startsWithMagic(header, HEADER)) {
            throw new WorkspaceException(file, Reason.NOT_A_WORKSPACE, "not an Egress workspace: the file is not an SQLite database");
        }
        ByteBuffer b = ByteBuffer.wrap(header);
        int applicationId = b.getInt(68);
        if (applicationId != Schema.APPLICATION_ID) {
            throw new WorkspaceException(file, Reason.NOT_A_WORKSPACE, String.format(
                    "not an Egress workspace: an SQLite database of another application (application_id 0x%08x)", applicationId));
        }
        if (header[18] == 2 && hasWalContent(file)) {
            // Reading immutably would ignore the WAL; its changes belong to whoever left it there.
            throw new WorkspaceException(file, Reason.CORRUPT, "another program left changes in " + file.getFileName()
                    + "-wal: close that program (or let SQLite checkpoint the file) before opening it here");
        }
        int pageSize = Short.toUnsignedInt(b.getShort(16));
        pageSize = pageSize == 1 ? 65536 : pageSize;
        long pages = Integer.toUnsignedLong(b.getInt(28));
        boolean pagesValid = b.getInt(24) == b.getInt(92) && pages > 0;
        if (pagesValid && size < pages * pageSize) {
            throw new WorkspaceException(file, Reason.CORRUPT, "truncated: its header says " + pages + " pages of " + pageSize
                    + " bytes (" + pages * pageSize + " bytes) but the file has " + size + " bytes");
        }
    }

    private static boolean hasWalContent(Path file) throws WorkspaceException {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            return Files.isRegularFile(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            throw new WorkspaceException(file, Reason.IO, "cannot check " + wal + ": " + e.getMessage(), e);
        }
    }

    private static boolean startsWithMagic(byte[] header, int length) {
        int n = Math.min(length, MAGIC.length);
        for (int i = 0; i < n; i++) {
            if (header[i] != MAGIC[i]) {
                return false;
            }
        }
        return n > 0;
    }

    private static void checkIntegrity(Path file, Connection c, boolean full) throws WorkspaceException {
        List<String> problems = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(full ? "PRAGMA integrity_check" : "PRAGMA quick_check")) {
            while (r.next()) {
                String line = r.getString(1);
                if (!"ok".equals(line) && problems.size() < MAX_PROBLEMS) {
                    problems.add(line);
                }
            }
        } catch (SQLException e) {
            throw new WorkspaceException(file, Reason.CORRUPT, "damaged: SQLite says " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new WorkspaceException(file, Reason.CORRUPT, "damaged: SQLite's integrity check found " + String.join("; ", problems));
        }
    }

    private static int version(Path file, Connection c) throws WorkspaceException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT version FROM schema_version")) {
            if (!r.next()) {
                throw new WorkspaceException(file, Reason.CORRUPT, "damaged: its schema_version table is empty");
            }
            return r.getInt(1);
        } catch (SQLException e) {
            throw new WorkspaceException(file, Reason.CORRUPT, "damaged: no readable schema_version table (" + e.getMessage() + ")", e);
        }
    }

    static void closeQuietly(AutoCloseable c, Throwable primary) {
        try {
            c.close();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }
}
