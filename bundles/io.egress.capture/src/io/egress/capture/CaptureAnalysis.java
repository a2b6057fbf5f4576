package io.egress.capture;

import io.egress.capture.pcap.CaptureFormat;
import io.egress.capture.pcap.Timestamp;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading one capture file found.
 *
 * @param file           the file
 * @param format         pcap or pcapng
 * @param linkTypes      LINKTYPE_ values of the packets, in order of first use (those the file
 *                       declares when it has no packets)
 * @param packets        packet records read
 * @param firstTimestamp time of the first record, at the file's precision; empty without packets
 * @param lastTimestamp  time of the last record
 * @param timestampDigits fraction digits of the file's finest interface (6 or 9 usually)
 * @param flows          the flows, lazily materialised
 * @param warnings       problems that did not stop the reading (cut short, unknown link type...)
 * @param complete       false when the analysis was cancelled before the end of the file
 */
public record CaptureAnalysis(Path file, CaptureFormat format, List<Integer> linkTypes, long packets,
        Optional<Timestamp> firstTimestamp, Optional<Timestamp> lastTimestamp, int timestampDigits, FlowList flows,
        List<String> warnings, boolean complete) {

    public CaptureAnalysis {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        linkTypes = List.copyOf(linkTypes);
        warnings = List.copyOf(warnings);
    }

    public ConversationCounts conversations() {
        return flows.conversations();
    }
}
