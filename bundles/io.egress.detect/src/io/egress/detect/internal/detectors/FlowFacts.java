package io.egress.detect.internal.detectors;

import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowName;
import io.egress.core.flow.NameSource;
import io.egress.core.net.AddressClass;
import io.egress.core.net.AddressClassifier;
import io.egress.core.net.IpAddresses;
import io.egress.core.process.ProcessInfo;
import io.egress.detect.DetectionInput;
import java.util.Locale;
import java.util.Optional;

/** Facts about flows that several detectors need, so that they all read flows the same way. */
final class FlowFacts {
    private FlowFacts() {
    }

    static String text(byte[] address) {
        return IpAddresses.format(address);
    }

    static AddressClass classOf(byte[] address) {
        return AddressClassifier.classOf(IpAddresses.toInet(IpAddresses.unmapV4(address)));
    }

    static boolean isPublic(byte[] address) {
        return classOf(address) == AddressClass.PUBLIC;
    }

    /**
     * The name the initiator asked for: a TLS/QUIC SNI or HTTP Host first (what the program
     * itself named), else a name from an earlier DNS answer. Lower case.
     */
    static Optional<String> destinationName(Flow f) {
        Optional<String> asked = f.names().stream().filter(n -> n.source() != NameSource.DNS).map(FlowName::name).findFirst();
        return asked.or(() -> f.names().stream().map(FlowName::name).findFirst()).map(n -> n.toLowerCase(Locale.ROOT));
    }

    static boolean hasName(Flow f, NameSource source) {
        return f.names().stream().anyMatch(n -> n.source() == source);
    }

    /**
     * Who started the flow: its process when flows were attributed, otherwise the initiating host.
     * Two flows with equal keys come from the same program (or the same host).
     */
    static String originKey(DetectionInput input, int flow) {
        Optional<ProcessInfo> p = input.processes().processOf(flow);
        return p.map(FlowFacts::processKey).orElseGet(() -> "host " + text(input.flows().get(flow).initiator()));
    }

    static String processKey(ProcessInfo p) {
        return "process " + p.pid() + "@" + p.startTimeMillis() + " " + p.name();
    }

    /** "process curl (4242)" or "host 10.0.0.4", for titles. */
    static String originLabel(DetectionInput input, int flow) {
        Optional<ProcessInfo> p = input.processes().processOf(flow);
        return p.map(info -> (info.name().isEmpty() ? "process" : info.name()) + " (" + info.pid() + ")")
                .orElseGet(() -> text(input.flows().get(flow).initiator()));
    }

    static String seconds(double s) {
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600);
        }
        if (s >= 120) {
            return String.format(Locale.ROOT, "%.1f min", s / 60);
        }
        return String.format(Locale.ROOT, s < 1 ? "%.2f s" : "%.1f s", s);
    }

    static String bytes(long b) {
        if (b >= 10L << 20) {
            return (b >> 20) + " MiB";
        }
        if (b >= 10L << 10) {
            return (b >> 10) + " KiB";
        }
        return b + " bytes";
    }
}
