package io.egress.cli.internal.capture;

import io.egress.capture.live.InterfaceStatus;
import io.egress.cli.internal.TextTable;
import io.egress.core.flow.Flow;
import io.egress.live.AttributedFlow;
import io.egress.live.FlowOwner;
import io.egress.live.LiveStatistics;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A summary block and an aligned table of flows with their process. */
final class CaptureTable {
    private CaptureTable() {
    }

    static void print(CaptureResult r, PrintStream out) {
        LiveStatistics s = r.statistics();
        out.println("method:        " + r.method() + (r.filter().isEmpty() ? "" : ", filter '" + r.filter() + "'"));
        for (InterfaceStatus i : s.capture().interfaces()) {
            out.println("interface:     " + i.describe());
        }
        out.println("packets:       " + s.capture().packets() + ", dropped " + s.capture().dropped());
        out.println("attribution:   " + (s.byTrigger() + s.byPoll()) + " of " + s.socketFlows() + " socket flows (trigger " + s.byTrigger()
                + ", poll " + s.byPoll() + "), unattributed " + s.unattributed() + ", pending " + s.pending() + "; trigger delay median "
                + String.format("%.1f", s.triggerDelayMedian().toNanos() / 1e6) + " ms");
        out.println();
        TextTable t = new TextTable(List.of("PROTO", "SOURCE", "DESTINATION", "PKTS >", "PKTS <", "BYTES >", "BYTES <", "DURATION", "STATE",
                "PROCESS", "HOW", "DELAY MS", "NAMES"));
        for (AttributedFlow af : r.flows()) {
            Flow f = af.flow();
            FlowOwner o = af.owner();
            boolean ports = LiveFlowFields.hasPorts(f);
            List<String> row = new ArrayList<>();
            row.add(LiveFlowFields.protocol(f));
            row.add(LiveFlowFields.endpoint(LiveFlowFields.src(f), f.initiator().length, ports, f.initiatorPort()));
            row.add(LiveFlowFields.endpoint(LiveFlowFields.dst(f), f.responder().length, ports, f.responderPort()));
            row.add(Long.toString(f.forward().packets()));
            row.add(Long.toString(f.reverse().packets()));
            row.add(Long.toString(f.forward().bytes()));
            row.add(Long.toString(f.reverse().bytes()));
            row.add(String.format("%.3f", f.durationNanos() / 1e9));
            row.add(f.protocol() == 6 ? f.tcpState().name() : "");
            row.add(LiveFlowFields.ownerText(o));
            row.add(o.attribution().method().id());
            row.add(o.pid().isPresent() ? String.format("%.1f", LiveFlowFields.delayMs(o)) : "");
            row.add(LiveFlowFields.namesText(f));
            t.add(row);
        }
        t.print(out);
        out.flush();
    }
}
