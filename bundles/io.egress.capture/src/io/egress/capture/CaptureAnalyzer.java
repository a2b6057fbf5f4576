package io.egress.capture;

import io.egress.capture.pcap.CaptureFiles;
import io.egress.capture.pcap.CaptureFormatException;
import io.egress.capture.pcap.PacketRecord;
import io.egress.capture.pcap.PacketSource;
import io.egress.capture.pcap.Timestamp;
import io.egress.core.progress.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a capture file into flows: the entry point for the CLI and for a workbench job. Memory
 * grows with the number of flows, not with the file size. Progress is reported in bytes of the
 * file; cancelling stops early and returns what was read, marked incomplete.
 */
public final class CaptureAnalyzer {
    /** Progress is reported about every this many packets (cheap enough for any monitor). */
    private static final int PROGRESS_EVERY = 8192;

    private CaptureAnalyzer() {
    }

    /**
     * Analyzes one file.
     *
     * @throws CaptureFormatException when the file is not a readable pcap or pcapng file (its
     *                                message names the file, the offset and the field)
     * @throws IOException            when the file cannot be read
     */
    public static CaptureAnalysis analyze(Path file, Progress progress) throws IOException {
        try (PacketSource source = CaptureFiles.open(file)) {
            FlowEngine engine = new FlowEngine(Math.max(1024, (int) Math.min(1 << 20, source.size() / 20_000)));
            PacketRecord record = new PacketRecord();
            List<Integer> linkTypes = new ArrayList<>();
            int lastLinkType = -1;
            long packets = 0;
            TimeRange times = new TimeRange();
            int digits = 0;
            boolean complete = true;
            while (source.next(record)) {
                packets++;
                times.add(record.seconds(), record.nanos(), record.digits());
                digits = Math.max(digits, record.digits());
                int linkType = record.linkType();
                if (linkType != lastLinkType) {
                    lastLinkType = linkType;
                    if (!linkTypes.contains(linkType)) {
                        linkTypes.add(linkType);
                    }
                }
                engine.frame(linkType, record.epochNanos(), record.buffer(), record.offset(), record.capturedLength(),
                        record.originalLength());
                if (packets % PROGRESS_EVERY == 0) {
                    progress.worked(source.position(), source.size());
                    if (progress.isCanceled()) {
                        complete = false;
                        break;
                    }
                }
            }
            progress.worked(source.position(), source.size());
            if (packets == 0) {
                linkTypes.addAll(source.linkTypes());
            }
            List<String> warnings = new ArrayList<>(source.warnings());
            warnings.addAll(engine.warnings());
            if (!complete) {
                warnings.add("analysis cancelled at offset " + source.position() + " of " + source.size());
            }
            return new CaptureAnalysis(file, source.format(), linkTypes, packets, times.earliest(), times.latest(),
                    packets == 0 ? 6 : digits, engine.finish(), warnings, complete);
        }
    }
}
