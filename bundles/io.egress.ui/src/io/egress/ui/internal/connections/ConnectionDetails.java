package io.egress.ui.internal.connections;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.egress.core.connections.ConnectionRow;
import io.egress.core.connections.ProcessGroup;
import io.egress.core.net.AddressClassification;
import io.egress.core.net.AddressClassifier;
import io.egress.core.net.IpAddresses;
import io.egress.core.process.ProcessInfo;
import io.egress.core.socket.SocketEntry;
import io.egress.ui.internal.Messages;

/** The label/value lines of the details pane for a selected process or connection. */
final class ConnectionDetails {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS zzz").withZone(ZoneId.systemDefault());

    record Line(String label, String value) {
    }

    private ConnectionDetails() {
    }

    static List<Line> of(ProcessGroup g) {
        List<Line> lines = new ArrayList<>();
        if (g.process().isEmpty()) {
            lines.add(new Line(Messages.details_process, g.label()));
            lines.add(new Line(Messages.details_uid, Integer.toString(g.uid())));
            lines.add(new Line("", Messages.details_ownerNotVisible));
            return lines;
        }
        ProcessInfo p = g.process().get();
        lines.add(new Line(Messages.details_process, p.name()));
        lines.add(new Line(Messages.details_pid, Long.toString(p.pid())));
        lines.add(new Line(Messages.details_exe, p.exePath()));
        lines.add(new Line(Messages.details_cmdline, p.commandLine()));
        lines.add(new Line(Messages.details_user, p.user() + (p.uid() >= 0 ? " (uid " + p.uid() + ")" : "")));
        lines.add(new Line(Messages.details_parent, p.parentPid() >= 0 ? Long.toString(p.parentPid()) : ""));
        lines.add(new Line(Messages.details_started, p.startTimeMillis() >= 0 ? TIME.format(Instant.ofEpochMilli(p.startTimeMillis())) : ""));
        lines.add(new Line(Messages.details_executable, p.executable().id() + ": " + p.executable().meaning()));
        lines.add(new Line(Messages.details_source, p.source()));
        lines.add(new Line(Messages.details_connectionsOpen, Long.toString(g.openCount())));
        return lines;
    }

    static List<Line> of(ConnectionRow r) {
        SocketEntry s = r.connection().socket();
        AddressClassification cls = AddressClassifier.classify(r.judgedAddress());
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(Messages.details_protocol, s.protocol().id() + " / " + s.family().id() + (s.mappedFromIpv6() ? " (IPv4-mapped on an IPv6 socket)" : "")));
        lines.add(new Line(Messages.details_local, IpAddresses.formatEndpoint(s.localAddress().getAddress(), s.localPort())));
        lines.add(new Line(Messages.details_remote, s.hasRemote() ? IpAddresses.formatEndpoint(s.remoteAddress().getAddress(), s.remotePort()) : "*"));
        lines.add(new Line(Messages.details_class, cls.addressClass().id() + ": " + cls.addressClass().meaning()));
        if (cls.rangeName() != null) {
            lines.add(new Line(Messages.details_range, cls.range() + " " + cls.rangeName()));
        }
        lines.add(new Line(Messages.details_state, s.state().id()));
        lines.add(new Line(Messages.details_uid, Integer.toString(s.uid())));
        lines.add(new Line(Messages.details_inode, s.inodeText()));
        lines.add(new Line(Messages.details_attribution, r.connection().attribution().describe()));
        lines.add(new Line(Messages.details_firstSeen, r.firstSeen().equals(Instant.MIN) ? Messages.details_firstSeenStart : TIME.format(r.firstSeen())));
        r.closedAt().ifPresent(t -> lines.add(new Line(Messages.details_closed, TIME.format(t))));
        return lines;
    }
}
