package io.egress.cli.internal.connections;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import io.egress.core.connections.ConnectionRow;
import io.egress.core.connections.ProcessGroup;
import io.egress.core.json.JsonWriter;
import io.egress.core.net.AddressClassification;
import io.egress.core.net.AddressClassifier;
import io.egress.core.net.IpAddresses;
import io.egress.core.process.ProcessInfo;
import io.egress.core.socket.Attribution;
import io.egress.core.socket.SocketEntry;

/** The JSON shape of {@code egress connections}: one flat object per socket (documented in docs/cli.md). */
final class ConnectionsJson {
    private final JsonWriter w;

    ConnectionsJson(PrintStream out) {
        this(new JsonWriter(out, true));
    }

    ConnectionsJson(JsonWriter w) {
        this.w = w;
    }

    void write(List<ProcessGroup> groups) {
        w.beginArray();
        for (ProcessGroup g : groups) {
            for (ConnectionRow r : g.rows()) {
                row(g, r);
            }
        }
        w.endArray();
    }

    private void row(ProcessGroup g, ConnectionRow r) {
        SocketEntry s = r.connection().socket();
        AddressClassification cls = AddressClassifier.classify(r.judgedAddress());
        w.beginObject();
        w.field("protocol", s.protocol().id());
        w.field("family", s.family().id());
        w.field("localAddress", IpAddresses.format(s.localAddress()));
        w.field("localPort", s.localPort());
        w.field("remoteAddress", IpAddresses.format(s.remoteAddress()));
        w.field("remotePort", s.remotePort());
        w.field("state", s.state().id());
        w.field("remoteClass", cls.addressClass().id());
        w.field("remoteRange", cls.rangeName());
        w.name("pid");
        if (s.ownerPid().isPresent()) {
            w.value(s.ownerPid().getAsLong());
        } else {
            w.nullValue();
        }
        w.name("process");
        if (g.process().isPresent()) {
            ProcessInfo p = g.process().get();
            w.beginObject();
            w.field("name", p.name());
            w.field("exe", p.exePath());
            w.field("cmdline", p.commandLine());
            w.field("user", p.user());
            w.field("uid", p.uid());
            w.field("parentPid", p.parentPid());
            w.field("startTime", p.startTimeMillis() == ProcessInfo.UNKNOWN ? null : java.time.Instant.ofEpochMilli(p.startTimeMillis()).toString());
            w.field("executable", p.executable().id());
            w.endObject();
        } else {
            w.nullValue();
        }
        w.field("uid", s.uid());
        w.field("inode", s.inodeText());
        w.field("mappedFromIpv6", s.mappedFromIpv6());
        Attribution a = r.connection().attribution();
        w.name("attribution").beginObject();
        w.field("method", a.method().id());
        w.field("confidence", a.confidence().id());
        w.field("note", a.note());
        w.endObject();
        w.endObject();
    }

    /** The CSV header: the JSON fields flattened, in the same order ({@code process.uid} is {@code processUid}). */
    static final List<String> FLAT_HEADER = List.of("protocol", "family", "localAddress", "localPort", "remoteAddress", "remotePort",
            "state", "remoteClass", "remoteRange", "pid", "processName", "exe", "cmdline", "user", "processUid", "parentPid",
            "startTime", "executable", "uid", "inode", "mappedFromIpv6", "attributionMethod", "attributionConfidence",
            "attributionNote");

    /** One CSV row, matching {@link #FLAT_HEADER}; an unknown value is an empty cell. */
    static List<Object> flatFields(ProcessGroup g, ConnectionRow r) {
        SocketEntry s = r.connection().socket();
        AddressClassification cls = AddressClassifier.classify(r.judgedAddress());
        java.util.Optional<ProcessInfo> p = g.process();
        Attribution a = r.connection().attribution();
        List<Object> f = new ArrayList<>();
        f.add(s.protocol().id());
        f.add(s.family().id());
        f.add(IpAddresses.format(s.localAddress()));
        f.add(s.localPort());
        f.add(IpAddresses.format(s.remoteAddress()));
        f.add(s.remotePort());
        f.add(s.state().id());
        f.add(cls.addressClass().id());
        f.add(cls.rangeName() == null ? "" : cls.rangeName());
        f.add(s.ownerPid().isPresent() ? s.ownerPid().getAsLong() : "");
        f.add(p.map(ProcessInfo::name).orElse(""));
        f.add(p.map(ProcessInfo::exePath).orElse(""));
        f.add(p.map(ProcessInfo::commandLine).orElse(""));
        f.add(p.map(ProcessInfo::user).orElse(""));
        f.add(p.filter(x -> x.uid() != ProcessInfo.UNKNOWN).map(x -> (Object) x.uid()).orElse(""));
        f.add(p.filter(x -> x.parentPid() != ProcessInfo.UNKNOWN).map(x -> (Object) x.parentPid()).orElse(""));
        f.add(p.filter(x -> x.startTimeMillis() != ProcessInfo.UNKNOWN).map(x -> (Object) java.time.Instant.ofEpochMilli(x.startTimeMillis()).toString())
                .orElse(""));
        f.add(p.map(x -> x.executable().id()).orElse(""));
        f.add(s.uid());
        f.add(s.inodeText());
        f.add(s.mappedFromIpv6());
        f.add(a.method().id());
        f.add(a.confidence().id());
        f.add(a.note());
        return f;
    }
}
