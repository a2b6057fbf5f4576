package io.egress.workspace.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.egress.core.progress.Progress;
import io.egress.workspace.OpenedWorkspace;
import io.egress.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file of an older schema is migrated on a copy when opened; the file itself is left as it is. */
class MigrationTest {
    @TempDir
    Path dir;

    @Test
    void anOlderFileOpensThroughTheMigrationAndStaysUnchanged() throws Exception {
        Path file = dir.resolve("v1.egress");
        new WorkspaceStore().save(file, SaveChild.content(1, 100), Progress.NONE);
        String before = Sha256.of(file);
        Schema next = new Schema(List.of(Schema.CURRENT.steps().get(0),
                List.of("ALTER TABLE bookmark ADD COLUMN colour TEXT NOT NULL DEFAULT ''")));

        OpenedWorkspace opened = new WorkspaceReader(next).open(file, Progress.NONE);

        assertEquals(1, opened.schemaVersion());
        assertEquals(100, opened.content().flows().size());
        assertEquals("1", opened.content().viewState().get("generation"));
        assertEquals(before, Sha256.of(file));
        new AtomicSave(next).save(file, opened.content(), Progress.NONE);
        try (WorkspaceFiles.Verified v = WorkspaceFiles.open(file, next, true)) {
            assertEquals(2, v.version());
        }
    }
}
