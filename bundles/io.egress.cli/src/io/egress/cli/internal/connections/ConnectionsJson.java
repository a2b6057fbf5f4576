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

    static List<Object> flatFields(ProcessGroup g, ConnectionRow r) {
        SocketEntry s = r.connection().socket();
        List<Object> f = new ArrayList<>();
        f.add(s.protocol().id());
        f.add(s.family().id());
        f.add(IpAddresses.format(s.localAddress()));
        f.add(s.localPort());
        f.add(IpAddresses.format(s.remoteAddress()));
        f.add(s.remotePort());
        f.add(s.state().id());
        f.add(r.remoteClass().id());
        f.add(s.ownerPid().isPresent() ? s.ownerPid().getAsLong() : "");
        f.add(g.process().map(ProcessInfo::name).orElse(""));
        f.add(g.process().map(ProcessInfo::exePath).orElse(""));
        f.add(g.process().map(ProcessInfo::commandLine).orElse(""));
        f.add(g.process().map(ProcessInfo::user).orElse(""));
        f.add(s.uid());
        f.add(s.inodeText());
        f.add(r.connection().attribution().method().id());
        return f;
    }
}
