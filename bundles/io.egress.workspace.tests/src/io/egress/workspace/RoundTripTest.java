package io.egress.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.progress.Progress;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundTripTest {
    @TempDir
    Path dir;

    private final WorkspaceStore store = new WorkspaceStore();

    @Test
    void everyStoredKindComesBackEqual() throws Exception {
        Path capture = Files.write(dir.resolve("c.pcap"), new byte[] {1, 2, 3});
        WorkspaceContent saved = Samples.everything(CaptureRef.of(capture, false));
        Path file = dir.resolve("inv.egress");
        store.save(file, saved, Progress.NONE);

        OpenedWorkspace opened = store.open(file, Progress.NONE);
        WorkspaceContent back = opened.content();
        assertEquals(store.schemaVersion(), opened.schemaVersion());
        assertEquals(List.of(), opened.captureProblems());
        assertEquals(saved.captures(), back.captures());
        assertEquals(Samples.describe(saved.flows()), Samples.describe(back.flows()));
        assertEquals(saved.processes(), back.processes());
        assertEquals(saved.enrichment(), back.enrichment());
        assertEquals(saved.findings(), back.findings());
        assertEquals(saved.notes(), back.notes());
        assertEquals(saved.tags(), back.tags());
        assertEquals(saved.bookmarks(), back.bookmarks());
        assertEquals(saved.detectorSettings(), back.detectorSettings());
        assertEquals(saved.viewState(), back.viewState());
        assertEquals(Optional.of(file.toAbsolutePath()), back.origin());
    }

    @Test
    void savingAgainReplacesTheFileAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("inv.egress");
        store.save(file, Samples.everything(null), Progress.NONE);
        WorkspaceContent edited = store.open(file, Progress.NONE).content().toBuilder()
                .note(new Note(Subject.address("8.8.8.8"), "Google DNS", 5)).viewState("timeline.range", null).build();
        store.save(file, edited, Progress.NONE);

        WorkspaceContent back = store.open(file, Progress.NONE).content();
        assertEquals("Google DNS", back.noteOn(Subject.address("8.8.8.8")).orElseThrow().text());
        assertFalse(back.viewState().containsKey("timeline.range"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "only the workspace itself: no -wal, -shm or temporary file");
        }
    }

    @Test
    void awkwardPathsWork() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("a b#c?d%20é"));
        Path file = sub.resolve("in vest'igation.egress");
        store.save(file, Samples.everything(null), Progress.NONE);
        store.save(file, Samples.everything(null), Progress.NONE);
        assertEquals(3, store.open(file, Progress.NONE).content().flows().size());
    }

    @Test
    void infoCountsWithoutReadingFlows() throws Exception {
        Path capture = Files.write(dir.resolve("c.pcap"), new byte[] {1, 2, 3});
        Path file = dir.resolve("inv.egress");
        store.save(file, Samples.everything(CaptureRef.of(capture, false)), Progress.NONE);
        WorkspaceInfo info = store.info(file);
        assertEquals(3, info.flows());
        assertEquals(2, info.findings());
        assertEquals(3, info.notes());
        assertEquals("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", info.captures().get(0).sha256());
        assertEquals(0, info.liveFlows());
        Path live = dir.resolve("live.egress");
        store.save(live, Samples.everything(null), Progress.NONE); // capture -1: flows of a live capture
        WorkspaceInfo liveInfo = store.info(live);
        assertEquals(3, liveInfo.liveFlows());
        assertEquals(List.of(), liveInfo.captures());
    }

    @Test
    void aMissingCaptureIsReportedAndTheRestOpens() throws Exception {
        Path capture = Files.write(dir.resolve("c.pcap"), new byte[] {1, 2, 3});
        Path file = dir.resolve("inv.egress");
        store.save(file, Samples.everything(CaptureRef.of(capture, false)), Progress.NONE);
        Files.delete(capture);

        OpenedWorkspace opened = store.open(file, Progress.NONE);
        assertEquals(1, opened.captureProblems().size());
        assertTrue(opened.captureProblems().get(0).problem().startsWith("missing: no longer at " + capture.toAbsolutePath()),
                opened.captureProblems().get(0).problem());
        assertEquals(3, opened.content().flows().size());
    }

    @Test
    void embeddedPacketsSurviveTheCaptureFileAndASaveAs() throws Exception {
        byte[] packets = new byte[3 * (1 << 20) + 17];
        new java.util.Random(1).nextBytes(packets);
        Path capture = Files.write(dir.resolve("big.pcap"), packets);
        Path first = dir.resolve("first.egress");
        store.save(first, Samples.everything(CaptureRef.of(capture, true)), Progress.NONE);
        Files.delete(capture);

        OpenedWorkspace opened = store.open(first, Progress.NONE);
        Path second = dir.resolve("second.egress");
        store.save(second, opened.content(), Progress.NONE);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(store.extractCapture(second, 0, out));
        assertTrue(java.util.Arrays.equals(packets, out.toByteArray()));
    }

    @Test
    void embeddedPacketsChangedInsideTheFileAreRefusedWithBothHashes() throws Exception {
        byte[] packets = new byte[100_000];
        new java.util.Random(2).nextBytes(packets);
        Path capture = Files.write(dir.resolve("small.pcap"), packets);
        Path file = dir.resolve("embedded.egress");
        store.save(file, Samples.everything(CaptureRef.of(capture, true)), Progress.NONE);
        // eight bytes changed in a valid way: SQLite's integrity check cannot see it
        try (java.sql.Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
                java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE capture_chunk SET data = zeroblob(8) || substr(data, 9) WHERE capture_idx = 0 AND seq = 0");
        }
        WorkspaceException e = org.junit.jupiter.api.Assertions.assertThrows(WorkspaceException.class,
                () -> store.extractCapture(file, 0, new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("the packets embedded for capture 0 are damaged: their SHA-256 is "), e.getMessage());
        assertTrue(e.getMessage().contains(", the capture's is " + CaptureRef.of(capture, true).sha256()), e.getMessage());
    }

    @Test
    void aCancelledSaveKeepsThePreviousFile() throws Exception {
        Path file = dir.resolve("inv.egress");
        store.save(file, io.egress.workspace.internal.store.SaveChild.content(1, 10), Progress.NONE);
        byte[] before = Files.readAllBytes(file);
        Progress cancelling = new Progress() {
            @Override
            public void worked(long done, long total) {
                // not watched
            }

            @Override
            public boolean isCanceled() {
                return true;
            }
        };
        WorkspaceException e = org.junit.jupiter.api.Assertions.assertThrows(WorkspaceException.class,
                () -> store.save(file, io.egress.workspace.internal.store.SaveChild.content(2, 5000), cancelling));
        assertEquals(WorkspaceException.Reason.CANCELLED, e.reason());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
