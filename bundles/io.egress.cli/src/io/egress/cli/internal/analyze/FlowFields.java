package io.egress.cli.internal.analyze;

import io.egress.capture.pcap.Timestamp;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.FlowName;
import io.egress.core.flow.IpProtocols;
import io.egress.core.flow.NameSource;
import io.egress.core.net.IpAddresses;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Text forms of flow fields shared by the output formats. */
final class FlowFields {
    private FlowFields() {
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

    /** VLAN ids outer first; empty when untagged. */
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

    static String time(long epochNanos, int digits) {
        return Timestamp.formatEpochNanos(epochNanos, digits);
    }

    /** "dns", "tls-sni", "quic-sni", "http-host". */
    static String source(NameSource s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Distinct names, flow's own (SNI, Host) first. */
    static String namesText(Flow f) {
        Set<String> names = new LinkedHashSet<>();
        for (FlowName n : f.names()) {
            names.add(n.name());
        }
        return String.join(" ", names);
    }
}
