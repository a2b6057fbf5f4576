package io.egress.workspace.internal.export;

import io.egress.capture.pcap.Timestamp;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.IpProtocols;
import io.egress.core.process.ProcessInfo;
import io.egress.core.process.ProcessKey;
import io.egress.workspace.WorkspaceContent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Text forms shared by the JSON and CSV exports. */
final class FlowText {
    private FlowText() {
    }

    static String protocol(Flow f) {
        return IpProtocols.name(f.protocol()).toLowerCase(Locale.ROOT);
    }

    /** Ports only for protocols that have them and flows where they were seen. */
    static Optional<Integer> port(Flow f, int port) {
        return IpProtocols.hasPorts(f.protocol()) && f.portsKnown() ? Optional.of(port) : Optional.empty();
    }

    static String vlan(Flow f) {
        FlowKey k = f.key();
        if (k.outerVlan() == FlowKey.NO_VLAN) {
            return "";
        }
        return k.innerVlan() == FlowKey.NO_VLAN ? Integer.toString(k.outerVlan()) : k.outerVlan() + "/" + k.innerVlan();
    }

    static String time(long epochNanos) {
        return Timestamp.formatEpochNanos(epochNanos, 9);
    }

    static String millis(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    static String nameSource(io.egress.core.flow.NameSource s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Map<ProcessKey, ProcessInfo> processes(WorkspaceContent content) {
        Map<ProcessKey, ProcessInfo> byKey = new HashMap<>();
        content.processes().forEach(p -> byKey.putIfAbsent(p.key(), p));
        return byKey;
    }
}
