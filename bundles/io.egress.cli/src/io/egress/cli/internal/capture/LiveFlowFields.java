package io.egress.cli.internal.capture;

import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.FlowName;
import io.egress.core.flow.IpProtocols;
import io.egress.core.net.IpAddresses;
import io.egress.core.process.ProcessInfo;
import io.egress.core.socket.AttributionMethod;
import io.egress.live.FlowOwner;
import io.egress.live.OwnerState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text forms of flow and owner fields, the same as {@code analyze} prints (its helpers are
 * package-private there; these follow docs/analyze.md field by field).
 */
final class LiveFlowFields {
    /** Live captures are nanosecond-stamped. */
    static final int DIGITS = 9;

    private LiveFlowFields() {
    }

    static String protocol(Flow f) {
        return IpProtocols.name(f.protocol());
    }

    static boolean hasPorts(Flow f) {
        return IpProtocols.hasPorts(f.protocol()) && f.portsKnown();
    }

    static String src(Flow f) {
        return IpAddresses.format(f.initiator());
    }

    static String dst(Flow f) {
        return IpAddresses.format(f.responder());
    }

    static List<Integer> vlans(Flow f) {
        List<Integer> ids = new ArrayList<>(2);
        FlowKey k = f.key();
        if (k.outerVlan() != FlowKey.NO_VLAN) {
            ids.add(k.outerVlan());
        }
        if (k.innerVlan() != FlowKey.NO_VLAN) {
            ids.add(k.innerVlan());
        }
        return ids;
    }

    static String vlanText(Flow f) {
        return String.join("/", vlans(f).stream().map(String::valueOf).toList());
    }

    static String time(long epochNanos) {
        return io.egress.capture.pcap.Timestamp.formatEpochNanos(epochNanos, DIGITS);
    }

    static String source(FlowName n) {
        return n.source().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String namesText(Flow f) {
        Set<String> names = new LinkedHashSet<>();
        for (FlowName n : f.names()) {
            names.add(n.name());
        }
        return String.join(" ", names);
    }

    static String pidText(FlowOwner o) {
        return o.pid().isPresent() ? Long.toString(o.pid().getAsLong()) : "";
    }

    static String processName(FlowOwner o) {
        return o.process().map(ProcessInfo::name).orElse("");
    }

    /**
     * Milliseconds with 3 decimals, from the flow's first packet to the answer; null while pending
     * and for flows no lookup ever answered (a 0 would read as "answered at once").
     */
    static Double delayMs(FlowOwner o) {
        if (o.state() == OwnerState.PENDING || (o.attribution().method() == AttributionMethod.NONE && o.attribution().delay().isZero())) {
            return null;
        }
        return Math.round(o.attribution().delay().toNanos() / 1000.0) / 1000.0;
    }

    /** For the table: "curl (1234)", "uid 33, not visible", "unattributed", "pending". */
    static String ownerText(FlowOwner o) {
        return switch (o.state()) {
            case ATTRIBUTED -> processName(o).isEmpty() ? "pid " + pidText(o) + " (exited before it was read)"
                    : processName(o) + " (" + pidText(o) + ")";
            case PENDING -> "pending";
            case UNATTRIBUTED -> o.attribution().method() == AttributionMethod.NONE_NOT_VISIBLE && o.uid().isPresent()
                    ? "uid " + o.uid().getAsInt() + ", not visible" : "unattributed";
        };
    }

    static String endpoint(String address, int length, boolean ports, int port) {
        if (!ports) {
            return address;
        }
        return length == 16 ? "[" + address + "]:" + port : address + ":" + port;
    }
}
