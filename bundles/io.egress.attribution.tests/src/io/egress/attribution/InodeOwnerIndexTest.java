package io.egress.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.egress.attribution.internal.proc.InodeOwnerIndex;
import io.egress.attribution.internal.proc.InodeOwners;
import io.egress.core.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incremental inode -> pid map under churn: new processes, exits mid-scan, new sockets in old processes. */
class InodeOwnerIndexTest {
    @TempDir
    Path dir;
    private ProcFixture proc;

    @BeforeEach
    void processes() throws IOException {
        proc = new ProcFixture(dir);
        proc.process(10, "a", 1, 0, "3=socket:[1001]");
        proc.process(20, "b", 2, 0, "3=socket:[2001]", "4=socket:[2002]");
        proc.process(30, "c", 3, 0, "3=pipe:[9]");
    }

    @Test
    void secondRefreshReadsOnlyNewProcesses() throws IOException {
        InodeOwnerIndex index = new InodeOwnerIndex(new HookedProcFs(dir), 1000);
        InodeOwners first = index.refresh(List.of(1001L, 2001L, 2002L), Progress.NONE);
        assertEquals(3, first.processesScanned());
        assertArrayEquals(new long[] {20}, first.of(2002L));

        proc.process(40, "d", 4, 0, "3=socket:[4001]");
        InodeOwners second = index.refresh(List.of(1001L, 2001L, 2002L, 4001L), Progress.NONE);
        assertEquals(1, second.processesScanned());
        assertArrayEquals(new long[] {40}, second.of(4001L));
        assertArrayEquals(new long[] {10}, second.of(1001L));
    }

    @Test
    void newSocketInAnOldProcessIsFoundWithoutReadingEveryone() throws IOException {
        InodeOwnerIndex index = new InodeOwnerIndex(new HookedProcFs(dir), 1000);
        index.refresh(List.of(1001L, 2001L, 2002L), Progress.NONE);
        Files.createSymbolicLink(dir.resolve("20/fd/5"), Path.of("socket:[2003]"));
        InodeOwners again = index.refresh(List.of(1001L, 2001L, 2002L, 2003L), Progress.NONE);
        assertArrayEquals(new long[] {20}, again.of(2003L));
        // now 20 is the process that gained a socket last, so it is read first and alone
        Files.createSymbolicLink(dir.resolve("20/fd/6"), Path.of("socket:[2004]"));
        InodeOwners third = index.refresh(List.of(1001L, 2001L, 2002L, 2003L, 2004L), Progress.NONE);
        assertArrayEquals(new long[] {20}, third.of(2004L));
        assertEquals(1, third.processesScanned());
    }

    @Test
    void exitedProcessesAreForgottenAndExitsMidScanCounted() throws IOException {
        HookedProcFs fs = new HookedProcFs(dir);
        InodeOwnerIndex index = new InodeOwnerIndex(fs, 1);
        index.refresh(List.of(1001L, 2001L), Progress.NONE);
        fs.vanishWhenRead(20);
        InodeOwners after = index.refresh(List.of(1001L, 2001L), Progress.NONE);
        assertEquals(1, after.processesVanished());
        assertEquals(0, after.of(2001L).length);
        assertArrayEquals(new long[] {10}, after.of(1001L));
    }

    @Test
    void unplaceableSocketIsNotSearchedAgainUntilTheNextFullPass() {
        InodeOwnerIndex index = new InodeOwnerIndex(new HookedProcFs(dir), 3);
        index.refresh(List.of(1001L, 9999L), Progress.NONE);
        InodeOwners second = index.refresh(List.of(1001L, 9999L), Progress.NONE);
        assertEquals(0, second.processesScanned());
        InodeOwners third = index.refresh(List.of(1001L, 9999L), Progress.NONE);
        assertEquals(0, third.processesScanned());
        InodeOwners full = index.refresh(List.of(1001L, 9999L), Progress.NONE);
        assertEquals(3, full.processesScanned());
    }

    @Test
    void locateAmongNewReadsNoKnownProcess() throws IOException {
        InodeOwnerIndex index = new InodeOwnerIndex(new HookedProcFs(dir), 1000);
        index.refresh(List.of(1001L), Progress.NONE);
        Files.createSymbolicLink(dir.resolve("30/fd/4"), Path.of("socket:[3001]"));
        proc.process(50, "e", 5, 0, "3=socket:[5001]");
        InodeOwners hidden = index.locateAmongNew(3001L, Progress.NONE);
        assertEquals(0, hidden.of(3001L).length);
        assertEquals(1, hidden.processesScanned()); // only the new process 50
        assertArrayEquals(new long[] {30}, index.locate(3001L, Progress.NONE).of(3001L));
    }

    @Test
    void locateFindsOneSocketForATriggeredLookup() throws IOException {
        InodeOwnerIndex index = new InodeOwnerIndex(new HookedProcFs(dir), 1000);
        index.refresh(List.of(1001L), Progress.NONE);
        Files.createSymbolicLink(dir.resolve("30/fd/4"), Path.of("socket:[3001]"));
        assertArrayEquals(new long[] {30}, index.locate(3001L, Progress.NONE).of(3001L));
    }
}
