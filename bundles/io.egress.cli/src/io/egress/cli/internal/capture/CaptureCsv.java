package io.egress.cli.internal.capture;

import io.egress.core.flow.Flow;
import io.egress.core.json.CsvWriter;
import io.egress.core.process.ProcessInfo;
import io.egress.live.AttributedFlow;
import io.egress.live.FlowOwner;
import java.io.PrintStream;
import java.util.List;

/** analyze's CSV columns (without the file) plus the owner's. */
final class CaptureCsv {
    static final List<String> HEADER = List.of("protocol", "src", "srcPort", "dst", "dstPort", "vlan", "packetsSrcToDst", "packetsDstToSrc",
            "bytesSrcToDst", "bytesDstToSrc", "payloadSrcToDst", "payloadDstToSrc", "first", "last", "tcpState", "retransmissions",
            "communityId", "names", "pid", "processName", "processExe", "processUser", "uid", "attributionMethod", "attributionDelayMs",
            "attributionConfidence", "attributionNote");

    private CaptureCsv() {
    }

    static void print(CaptureResult r, PrintStream out) {
        StringBuilder buffer = new StringBuilder();
        CsvWriter csv = new CsvWriter(buffer);
        csv.row(HEADER);
        for (AttributedFlow af : r.flows()) {
            Flow f = af.flow();
            FlowOwner o = af.owner();
            boolean ports = LiveFlowFields.hasPorts(f);
            csv.row(LiveFlowFields.protocol(f), LiveFlowFields.src(f), ports ? f.initiatorPort() : "", LiveFlowFields.dst(f),
                    ports ? f.responderPort() : "", LiveFlowFields.vlanText(f), f.forward().packets(), f.reverse().packets(), f.forward().bytes(),
                    f.reverse().bytes(), f.forward().payloadBytes(), f.reverse().payloadBytes(), LiveFlowFields.time(f.firstNanos()),
                    LiveFlowFields.time(f.lastNanos()), f.protocol() == 6 ? f.tcpState().name() : "", f.protocol() == 6 ? f.retransmissions() : "",
                    f.communityId(), LiveFlowFields.namesText(f), LiveFlowFields.pidText(o), LiveFlowFields.processName(o),
                    o.process().map(ProcessInfo::exePath).orElse(""), o.process().map(ProcessInfo::user).orElse(""),
                    o.uid().isPresent() ? o.uid().getAsInt() : "", o.attribution().method().id(), LiveFlowFields.delayMs(o),
                    o.attribution().confidence().id(), o.attribution().note());
            if (buffer.length() > 1 << 16) {
                out.print(buffer);
                buffer.setLength(0);
            }
        }
        out.print(buffer);
        out.flush();
    }
}
