package io.egress.workspace.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.egress.core.progress.Progress;
import io.egress.workspace.WorkspaceException;
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
}
