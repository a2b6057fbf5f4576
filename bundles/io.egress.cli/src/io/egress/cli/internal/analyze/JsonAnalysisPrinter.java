package io.egress.cli.internal.analyze;

import io.egress.capture.CaptureAnalysis;
import io.egress.capture.ConversationCounts;
import io.egress.capture.pcap.Timestamp;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowName;
import io.egress.core.json.JsonWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** One JSON object per file, each on one line (JSON Lines), so that line tools and jq both read several files. */
final class JsonAnalysisPrinter implements AnalysisPrinter {
    private final PrintStream out;

    JsonAnalysisPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void begin() {
        // objects are self-contained
    }

    @Override
    public void print(CaptureAnalysis a) {
        print(a, java.util.Optional.empty());
    }

    @Override
    public void print(CaptureAnalysis a, java.util.Optional<io.egress.detect.DetectionReport> report) {
        // Streamed: a capture with a million flows must not become one string in memory.
        Writer sink = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        JsonWriter w = new JsonWriter(sink, false);
        w.beginObject();
        w.field("file", a.file().toString());
        w.field("format", a.format().label());
        w.name("linkTypes").beginArray();
        for (int lt : a.linkTypes()) {
            w.value(lt);
        }
        w.endArray();
        w.field("packets", a.packets());
        w.field("firstTimestamp", a.firstTimestamp().map(Timestamp::toString).orElse(null));
        w.field("lastTimestamp", a.lastTimestamp().map(Timestamp::toString).orElse(null));
        ConversationCounts c = a.conversations();
        w.name("conversations").beginObject().field("tcp", c.tcp()).field("udp", c.udp()).field("icmp", c.icmp())
                .field("ipv4", c.ipv4()).field("ipv6", c.ipv6()).endObject();
        w.name("flows").beginArray();
        for (Flow f : a.flows()) {
            flow(w, f, a.timestampDigits());
        }
        w.endArray();
        w.name("warnings").beginArray();
        for (String warning : a.warnings()) {
            w.value(warning);
        }
        w.endArray();
        report.ifPresent(r -> io.egress.cli.internal.detect.FindingsJson.writeFields(w, r));
        w.endObject();
        try {
            sink.write('\n');
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flow(JsonWriter w, Flow f, int digits) {
        w.beginObject();
        w.field("protocol", FlowFields.protocol(f));
        w.field("src", FlowFields.src(f));
        w.name("srcPort");
        if (FlowFields.hasPorts(f)) {
            w.value(f.initiatorPort());
        } else {
            w.nullValue();
        }
        w.field("dst", FlowFields.dst(f));
        w.name("dstPort");
        if (FlowFields.hasPorts(f)) {
            w.value(f.responderPort());
        } else {
            w.nullValue();
        }
        w.name("vlan").beginArray();
        for (int id : FlowFields.vlans(f)) {
            w.value(id);
        }
        w.endArray();
        directions(w, "packets", f.forward().packets(), f.reverse().packets());
        directions(w, "bytes", f.forward().bytes(), f.reverse().bytes());
        directions(w, "payloadBytes", f.forward().payloadBytes(), f.reverse().payloadBytes());
        w.field("first", FlowFields.time(f.firstNanos(), digits));
        w.field("last", FlowFields.time(f.lastNanos(), digits));
        if (f.protocol() == 6) {
            w.field("tcpState", f.tcpState().name());
            w.field("retransmissions", f.retransmissions());
        }
        if (f.icmpErrors() > 0) {
            w.field("icmpErrors", f.icmpErrors());
        }
        w.field("communityId", f.communityId().isEmpty() ? null : f.communityId());
        w.name("names").beginArray();
        for (FlowName n : f.names()) {
            w.beginObject().field("name", n.name()).field("source", FlowFields.source(n.source()))
                    .field("time", FlowFields.time(n.timeNanos(), digits)).endObject();
        }
        w.endArray();
        w.endObject();
    }

    private static void directions(JsonWriter w, String name, long srcToDst, long dstToSrc) {
        w.name(name).beginObject().field("srcToDst", srcToDst).field("dstToSrc", dstToSrc).endObject();
    }

    @Override
    public void end() {
        out.flush();
    }

}
