package io.egress.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.egress.capture.CaptureAnalysis;
import io.egress.capture.CaptureAnalyzer;
import io.egress.core.flow.Flow;
import io.egress.core.progress.Progress;
import io.egress.tests.support.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedCaptureTest {
    @TempDir
    Path dir;

    /** Builds a workspace from a capture the way {@code egress workspace save} does. */
    static WorkspaceContent fromCapture(Path capture) throws Exception {
        CaptureAnalysis analysis = CaptureAnalyzer.analyze(capture, Progress.NONE);
        WorkspaceContent.Builder b = WorkspaceContent.builder();
        int index = b.capture(CaptureRef.of(capture, false));
        List<Flow> flows = analysis.flows();
        for (int i = 0; i < flows.size(); i++) {
            b.flow(new FlowRecord(i, index, flows.get(i), Optional.empty()));
        }
        return b.build();
    }

    @Test
    void wikipediaRoundTripsAll34FlowsIdentically() throws Exception {
        Path capture = SharedData.captures().resolve("zeek-wikipedia.pcap");
        WorkspaceContent saved = fromCapture(capture);
        assertEquals(34, saved.flows().size());
        Path file = dir.resolve("wikipedia.egress");
        WorkspaceStore store = new WorkspaceStore();
        store.save(file, saved, Progress.NONE);

        OpenedWorkspace opened = store.open(file, Progress.NONE);
        assertEquals(List.of(), opened.captureProblems());
        assertEquals(Samples.describe(saved.flows()), Samples.describe(opened.content().flows()));
        assertEquals(Samples.describe(fromCapture(capture).flows()), Samples.describe(opened.content().flows()));
        for (int i = 0; i < 34; i++) {
            assertEquals(saved.flows().get(i).flow().key(), opened.content().flows().get(i).flow().key());
        }
    }
}
