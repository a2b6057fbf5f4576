package io.egress.cli.internal.analyze;

import io.egress.capture.CaptureAnalysis;
import io.egress.capture.ConversationCounts;
import io.egress.capture.pcap.Timestamp;
import io.egress.cli.internal.TextTable;
import io.egress.core.flow.Flow;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A summary block and an aligned flow table per file. */
final class TableAnalysisPrinter implements AnalysisPrinter {
    private final PrintStream out;
    private boolean first = true;

    TableAnalysisPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void begin() {
        // nothing before the first file
    }

    @Override
    public void print(CaptureAnalysis a) {
        if (!first) {
            out.println();
        }
        first = false;
        ConversationCounts c = a.conversations();
        out.println("file:          " + a.file());
        out.println("format:        " + a.format().label() + ", link types " + a.linkTypes());
        out.println("packets:       " + a.packets());
        out.println("first/last:    " + a.firstTimestamp().map(Timestamp::toString).orElse("-") + " / "
                + a.lastTimestamp().map(Timestamp::toString).orElse("-"));
        out.println("conversations: tcp " + c.tcp() + ", udp " + c.udp() + ", icmp " + c.icmp() + ", ipv4 pairs " + c.ipv4()
                + ", ipv6 pairs " + c.ipv6());
        out.println();
        TextTable t = new TextTable(List.of("PROTO", "SOURCE", "DESTINATION", "VLAN", "PKTS >", "PKTS <", "BYTES >", "BYTES <",
                "DURATION", "STATE", "NAMES"));
        for (Flow f : a.flows()) {
            boolean ports = FlowFields.hasPorts(f);
            List<String> row = new ArrayList<>();
            row.add(FlowFields.protocol(f));
            row.add(endpoint(FlowFields.src(f), f.initiator().length, ports, f.initiatorPort()));
            row.add(endpoint(FlowFields.dst(f), f.responder().length, ports, f.responderPort()));
            row.add(FlowFields.vlanText(f));
            row.add(Long.toString(f.forward().packets()));
            row.add(Long.toString(f.reverse().packets()));
            row.add(Long.toString(f.forward().bytes()));
            row.add(Long.toString(f.reverse().bytes()));
            row.add(String.format("%.3f", f.durationNanos() / 1e9));
            row.add(f.protocol() == 6 ? f.tcpState().name() : "");
            row.add(FlowFields.namesText(f));
            t.add(row);
        }
        t.print(out);
    }

    private static String endpoint(String address, int length, boolean ports, int port) {
        if (!ports) {
            return address;
        }
        return length == 16 ? "[" + address + "]:" + port : address + ":" + port;
    }

    @Override
    public void end() {
        out.flush();
    }
}
