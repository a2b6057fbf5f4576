package io.egress.detect.capture;

import io.egress.capture.CaptureAnalysis;
import io.egress.capture.CaptureAnalyzer;
import io.egress.capture.pcap.Timestamp;
import io.egress.core.flow.Flow;
import io.egress.core.progress.Progress;
import io.egress.detect.DetectionInput;
import io.egress.detect.TimeSpan;
import io.egress.detect.internal.capture.PacketPass;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link DetectionInput} from a capture file: its flows, its time range, the packet
 * bursts inside long flows and its DNS questions (which need one more pass over the file).
 */
public final class CaptureInputs {
    private CaptureInputs() {
    }

    /** Analyses the file and builds the input. */
    public static DetectionInput read(Path file, Progress progress) throws IOException {
        return of(CaptureAnalyzer.analyze(file, progress));
    }

    /** Builds the input of a capture that was already analysed (reads the file once more). */
    public static DetectionInput of(CaptureAnalysis analysis) throws IOException {
        List<Flow> flows = new ArrayList<>(analysis.flows());
        PacketPass pass = PacketPass.read(analysis.file(), flows);
        DetectionInput.Builder builder = DetectionInput.builder(flows).bursts(pass.bursts()).dnsQueries(pass.dnsQueries());
        if (analysis.firstTimestamp().isPresent() && analysis.lastTimestamp().isPresent()) {
            long first = analysis.firstTimestamp().map(Timestamp::epochNanos).get();
            long last = analysis.lastTimestamp().map(Timestamp::epochNanos).get();
            builder.captureTime(new TimeSpan(first, Math.max(first, last)));
        }
        return builder.build();
    }
}
