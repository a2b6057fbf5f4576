package io.egress.workspace.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.egress.core.progress.Progress;
import io.egress.workspace.WorkspaceException;
import io.egress.workspace.WorkspaceException.Reason;
import io.egress.workspace.WorkspaceStore;
import io.egress.workspace.internal.store.SaveChild;

/**
 * The fuzz target workspace (releng/fuzz/fuzz): a workspace written here, then the SQLite fields
 * its mutator aims at set to 0, -1 and huge (page size, page count, reserved bytes, text encoding,
 * schema format, b-tree page type and cell count, cell pointers), and cut at page boundaries.
 * Opening each must give the workspace or a {@link WorkspaceException} that is not a bug of the
 * reader in disguise (a RuntimeException wrapped as CORRUPT), in bounded time, and leave the file
 * unchanged. No input of this target crashed or hung in the fuzz runs recorded in the README.
 */
class WorkspaceFuzzRegressionTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final WorkspaceStore store = new WorkspaceStore();
    private byte[] good;
    private int pageSize;

    @BeforeEach
    void write() throws Exception {
        Path file = dir.resolve("good.egress");
        store.save(file, SaveChild.content(1, 40), Progress.NONE);
        good = Files.readAllBytes(file);
        pageSize = ByteBuffer.wrap(good).getShort(16) & 0xffff;
    }

    private void opensOrRefuses(String what, byte[] content) throws Exception {
        Path file = Files.write(dir.resolve("damaged.egress"), content);
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                store.info(file);
            } catch (WorkspaceException e) {
                assertNotABug(what, e);
            }
            try {
                store.open(file, Progress.NONE).content().flows().size();
            } catch (WorkspaceException e) {
                assertNotABug(what, e);
            }
        }, what);
        assertArrayEquals(content, Files.readAllBytes(file), what + ": the file was modified");
    }

    private static void assertNotABug(String what, WorkspaceException e) {
        assertFalse(e.getCause() instanceof RuntimeException, () -> what + ": " + e.getMessage());
        assertFalse(e.problem().isEmpty());
    }

    private byte[] with(int offset, int width, long value) {
        byte[] out = good.clone();
        for (int i = width - 1; i >= 0; i--) {
            out[offset + i] = (byte) value;
            value >>= 8;
        }
        return out;
    }

    @Test
    void databaseHeaderFieldsZeroMinusOneAndHuge() throws Exception {
        int[][] fields = {{16, 2}, {18, 1}, {19, 1}, {20, 1}, {21, 1}, {28, 4}, {32, 4}, {36, 4}, {40, 4}, {44, 4}, {52, 4}, {56, 4},
                {92, 4}, {96, 4}};
        for (int[] f : fields) {
            for (long value : new long[] {0, -1, 1, 0x7fffffffL}) {
                opensOrRefuses("header offset " + f[0] + " = " + value, with(f[0], f[1], value));
            }
        }
    }

    @Test
    void btreePageHeadersZeroMinusOneAndHuge() throws Exception {
        for (int page = 1; page < Math.min(8, good.length / pageSize); page++) {
            int header = page * pageSize;
            for (int[] f : new int[][] {{0, 1}, {1, 2}, {3, 2}, {5, 2}, {8, 4}, {12, 2}}) {
                for (long value : new long[] {0, -1, 0x7fff}) {
                    opensOrRefuses("page " + (page + 1) + " header +" + f[0] + " = " + value, with(header + f[0], f[1], value));
                }
            }
        }
    }

    @Test
    void truncatedAtPageBoundariesAndPagesSwapped() throws Exception {
        for (int pages = 0; pages * pageSize < good.length; pages++) {
            opensOrRefuses("cut after " + pages + " pages", Arrays.copyOf(good, pages * pageSize));
            opensOrRefuses("cut inside page " + (pages + 1), Arrays.copyOf(good, pages * pageSize + 100));
        }
        if (good.length >= 4 * pageSize) {
            byte[] swapped = good.clone();
            System.arraycopy(good, 2 * pageSize, swapped, 3 * pageSize, pageSize);
            System.arraycopy(good, 3 * pageSize, swapped, 2 * pageSize, pageSize);
            opensOrRefuses("pages 3 and 4 swapped", swapped);
        }
    }

    /** A stored value changed with SQL, as a damaged page or a hand edit leaves it: the file stays a valid database. */
    private Path edited(String name, String sql, String value) throws Exception {
        Path file = Files.write(dir.resolve(name), good);
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            assertEquals(1, s.executeUpdate(), sql);
        }
        return file;
    }

    private WorkspaceException refusedOpening(Path file) {
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> store.open(file, Progress.NONE));
        assertEquals(Reason.CORRUPT, e.reason(), e.getMessage());
        assertNotABug(file.getFileName().toString(), e);
        return e;
    }

    @Test
    void savedMillisThatIsNoNumberIsCorruptNotANumberFormatException() throws Exception {
        // fuzz finding (target workspace, first CI-budget run): a damaged page left "179      7102" in
        // meta.saved_millis; WorkspaceStore.info threw NumberFormatException instead of WorkspaceException
        Path file = edited("millis.egress", "UPDATE meta SET value = ? WHERE key = 'saved_millis'", "179      7102");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> store.info(file));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.problem().contains("saved_millis of table meta: '179      7102' is not a number"), e.problem());
        assertNotABug("saved_millis", e);
    }

    @Test
    void unknownEnumValuesNameTheTableAndRow() throws Exception {
        WorkspaceException e = refusedOpening(edited("state.egress", "UPDATE flow SET tcp_state = ? WHERE ord = 2", "CLOSED\u0000X"));
        assertTrue(e.problem().contains("damaged row 3 of table flow: "), e.problem());
        WorkspaceException names = refusedOpening(edited("names.egress", "UPDATE flow_name SET source = ?"
                + " WHERE (flow_id, seq) = (SELECT flow_id, seq FROM flow_name ORDER BY flow_id, seq LIMIT 1)", "NOT_A_SOURCE"));
        assertTrue(names.problem().contains("damaged row 1 of table flow_name: "), names.problem());
    }
}
