package io.egress.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.progress.Progress;
import io.egress.workspace.WorkspaceException.Reason;
import io.egress.workspace.internal.store.SaveChild;
import io.egress.workspace.internal.store.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged, foreign and newer files give a clear error and stay byte-for-byte as they were. */
class DamagedFileTest {
    @TempDir
    Path dir;

    private final WorkspaceStore store = new WorkspaceStore();

    private Path goodWorkspace(String name) throws Exception {
        Path file = dir.resolve(name);
        store.save(file, SaveChild.content(1, 20_000), Progress.NONE);
        return file;
    }

    @Test
    void garbage() throws Exception {
        byte[] junk = new byte[10_000];
        new Random(7).nextBytes(junk);
        Path file = Files.write(dir.resolve("garbage.egress"), junk);
        assertRefused(file, Reason.NOT_A_WORKSPACE, "not an Egress workspace: the file is not an SQLite database");
    }

    @Test
    void empty() throws Exception {
        assertRefused(Files.write(dir.resolve("empty.egress"), new byte[0]), Reason.NOT_A_WORKSPACE, "the file is empty");
    }

    @Test
    void truncatedToHalf() throws Exception {
        Path file = goodWorkspace("half.egress");
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length / 2));
        assertRefused(file, Reason.CORRUPT, "truncated: its header says");
    }

    @Test
    void truncatedInsideTheHeader() throws Exception {
        Path file = goodWorkspace("short.egress");
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 60));
        assertRefused(file, Reason.CORRUPT, "truncated: only 60 bytes");
    }

    @Test
    void pagesOverwrittenInTheMiddle() throws Exception {
        Path file = goodWorkspace("damaged.egress");
        byte[] all = Files.readAllBytes(file);
        byte[] junk = new byte[3 * 4096];
        new Random(3).nextBytes(junk);
        System.arraycopy(junk, 0, all, all.length / 2 - all.length / 2 % 4096, junk.length);
        Files.write(file, all);
        assertRefused(file, Reason.CORRUPT, "damaged: ");
    }

    @Test
    void anotherApplicationsSqliteDatabase() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x)");
        }
        assertRefused(file, Reason.NOT_A_WORKSPACE, "an SQLite database of another application");
    }

    @Test
    void newerSchema() throws Exception {
        Path file = goodWorkspace("newer.egress");
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE schema_version SET version = 99");
        }
        assertRefused(file, Reason.NEWER_VERSION, "written by a newer Egress (workspace schema version 99; this version reads up to 1)");
    }

    @Test
    void changesLeftInAWalFileByAnotherProgram() throws Exception {
        Path file = goodWorkspace("walled.egress");
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties()); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA wal_autocheckpoint = 0");
            s.executeUpdate("DELETE FROM flow WHERE id < 10");
            // Keep the WAL as a crashed writer would: copy it aside while the connection is open.
            Files.copy(dir.resolve("walled.egress-wal"), dir.resolve("wal.copy"));
        }
        Files.move(dir.resolve("wal.copy"), dir.resolve("walled.egress-wal"));
        assertRefused(file, Reason.CORRUPT, "another program left changes in walled.egress-wal");
    }

    @Test
    void aCaptureFileIsNeverOverwrittenByASave() throws Exception {
        Path capture = Files.write(dir.resolve("capture.pcap"), new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0});
        assertRefused(capture, Reason.NOT_A_WORKSPACE, "not an Egress workspace");
    }

    /** Open, info and save all refuse the file with its name and problem; its bytes do not change. */
    private void assertRefused(Path file, Reason reason, String problem) throws Exception {
        String before = Sha256.of(file);
        WorkspaceException open = assertThrows(WorkspaceException.class, () -> store.open(file, Progress.NONE));
        assertEquals(reason, open.reason(), open.getMessage());
        assertTrue(open.getMessage().startsWith(file.toAbsolutePath() + ": "), open.getMessage());
        assertTrue(open.problem().contains(problem), open.getMessage());
        assertThrows(WorkspaceException.class, () -> store.info(file));
        WorkspaceException save = assertThrows(WorkspaceException.class, () -> store.save(file, WorkspaceContent.empty(), Progress.NONE));
        assertTrue(save.problem().startsWith("will not be overwritten: "), save.getMessage());
        assertEquals(before, Sha256.of(file), "the file must be byte-for-byte unchanged");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + "-"))
                    .filter(p -> !p.getFileName().toString().endsWith("-wal")).count(), "no -shm or -journal created beside it");
        }
    }
}
