package io.egress.cli.internal.capture;

import io.egress.capture.ConversationCounts;
import io.egress.capture.live.InterfaceStatus;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowName;
import io.egress.core.json.JsonWriter;
import io.egress.core.process.ProcessInfo;
import io.egress.live.AttributedFlow;
import io.egress.live.FlowOwner;
import io.egress.live.LiveStatistics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** One JSON object on one line: the capture's counters and its flows in analyze's shape plus owner fields. */
final class CaptureJson {
    private CaptureJson() {
    }

    static void print(CaptureResult r, PrintStream out) {
        Writer sink = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        JsonWriter w = new JsonWriter(sink, false);
        LiveStatistics s = r.statistics();
        w.beginObject();
        w.field("method", r.method());
        w.field("filter", r.filter());
        w.name("interfaces").beginArray();
        for (InterfaceStatus i : s.capture().interfaces()) {
            w.beginObject().field("name", i.name()).field("linkType", i.linkType()).field("state", i.state().name().toLowerCase(java.util.Locale.ROOT))
                    .field("message", i.message()).field("packets", i.packets()).field("kernelReceived", i.kernelReceived())
                    .field("kernelDropped", i.kernelDropped()).field("interfaceDropped", i.interfaceDropped()).endObject();
        }
        w.endArray();
        w.field("packets", s.capture().packets());
        w.field("dropped", s.capture().dropped());
        ConversationCounts c = r.flows().flows().conversations();
        w.name("conversations").beginObject().field("tcp", c.tcp()).field("udp", c.udp()).field("icmp", c.icmp()).field("ipv4", c.ipv4())
                .field("ipv6", c.ipv6()).endObject();
        w.name("attribution").beginObject().field("socketFlows", s.socketFlows()).field("trigger", s.byTrigger()).field("poll", s.byPoll())
                .field("unattributed", s.unattributed()).field("pending", s.pending()).field("queueOverflows", s.triggerOverflows())
                .field("triggerDelayMedianMs", s.triggerDelayMedian().toNanos() / 1e6).field("triggerDelayMaxMs", s.triggerDelayMax().toNanos() / 1e6).field("captureLagMedianMs", s.captureLagMedian().toNanos() / 1e6).field("lookupCostMedianMs", s.lookupCostMedian().toNanos() / 1e6)
                .endObject();
        w.name("flows").beginArray();
        for (AttributedFlow f : r.flows()) {
            flow(w, f);
        }
        w.endArray();
        w.name("warnings").beginArray();
        r.warnings().forEach(w::value);
        w.endArray();
        w.endObject();
        try {
            sink.write('\n');
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flow(JsonWriter w, AttributedFlow af) {
        Flow f = af.flow();
        w.beginObject();
        w.field("protocol", LiveFlowFields.protocol(f));
        w.field("src", LiveFlowFields.src(f));
        w.name("srcPort");
        port(w, f, f.initiatorPort());
        w.field("dst", LiveFlowFields.dst(f));
        w.name("dstPort");
        port(w, f, f.responderPort());
        w.name("vlan").beginArray();
        LiveFlowFields.vlans(f).forEach(id -> w.value(id));
        w.endArray();
        directions(w, "packets", f.forward().packets(), f.reverse().packets());
        directions(w, "bytes", f.forward().bytes(), f.reverse().bytes());
        directions(w, "payloadBytes", f.forward().payloadBytes(), f.reverse().payloadBytes());
        w.field("first", LiveFlowFields.time(f.firstNanos()));
        w.field("last", LiveFlowFields.time(f.lastNanos()));
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
            w.beginObject().field("name", n.name()).field("source", LiveFlowFields.source(n)).field("time", LiveFlowFields.time(n.timeNanos()))
                    .endObject();
        }
        w.endArray();
        owner(w, af.owner());
        w.endObject();
    }

    private static void owner(JsonWriter w, FlowOwner o) {
        w.name("pid");
        if (o.pid().isPresent()) {
            w.value(o.pid().getAsLong());
        } else {
            w.nullValue();
        }
        w.name("process");
        if (o.process().isPresent()) {
            ProcessInfo p = o.process().get();
            w.beginObject().field("name", p.name()).field("exe", p.exePath()).field("user", p.user()).endObject();
        } else {
            w.nullValue();
        }
        w.name("uid");
        if (o.uid().isPresent()) {
            w.value(o.uid().getAsInt());
        } else {
            w.nullValue();
        }
        w.name("attribution").beginObject().field("state", o.state().name().toLowerCase(java.util.Locale.ROOT))
                .field("method", o.attribution().method().id()).field("delayMs", LiveFlowFields.delayMs(o))
                .field("confidence", o.attribution().confidence().id()).field("note", o.attribution().note()).endObject();
    }

    private static void port(JsonWriter w, Flow f, int port) {
        if (LiveFlowFields.hasPorts(f)) {
            w.value(port);
        } else {
            w.nullValue();
        }
    }

    private static void directions(JsonWriter w, String name, long srcToDst, long dstToSrc) {
        w.name(name).beginObject().field("srcToDst", srcToDst).field("dstToSrc", dstToSrc).endObject();
    }
}
