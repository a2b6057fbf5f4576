package io.egress.cli.internal.analyze;

import io.egress.capture.CaptureAnalysis;
import io.egress.core.flow.Flow;
import io.egress.core.json.CsvWriter;
import java.io.PrintStream;
import java.util.List;

/** One CSV row per flow of every file, with a header row. */
final class CsvAnalysisPrinter implements AnalysisPrinter {
    static final List<String> HEADER = List.of("file", "protocol", "src", "srcPort", "dst", "dstPort", "vlan", "packetsSrcToDst",
            "packetsDstToSrc", "bytesSrcToDst", "bytesDstToSrc", "payloadSrcToDst", "payloadDstToSrc", "first", "last", "tcpState",
            "retransmissions", "communityId", "names");

    private final PrintStream out;
    private final StringBuilder buffer = new StringBuilder();
    private final CsvWriter csv = new CsvWriter(buffer);

    CsvAnalysisPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void begin() {
        csv.row(HEADER);
        flush();
    }

    @Override
    public void print(CaptureAnalysis a) {
        String file = a.file().toString();
        int digits = a.timestampDigits();
        for (Flow f : a.flows()) {
            boolean ports = FlowFields.hasPorts(f);
            csv.row(file, FlowFields.protocol(f), FlowFields.src(f), ports ? f.initiatorPort() : "", FlowFields.dst(f),
                    ports ? f.responderPort() : "", FlowFields.vlanText(f), f.forward().packets(), f.reverse().packets(),
                    f.forward().bytes(), f.reverse().bytes(), f.forward().payloadBytes(), f.reverse().payloadBytes(),
                    FlowFields.time(f.firstNanos(), digits), FlowFields.time(f.lastNanos(), digits),
                    f.protocol() == 6 ? f.tcpState().name() : "", f.protocol() == 6 ? f.retransmissions() : "", f.communityId(),
                    FlowFields.namesText(f));
            if (buffer.length() > 1 << 16) {
                flush();
            }
        }
        flush();
    }

    private void flush() {
        out.print(buffer);
        buffer.setLength(0);
    }

    @Override
    public void end() {
        flush();
    }
}
