package io.egress.detect.internal.detectors;

import io.egress.core.flow.DirectionStats;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.FlowName;
import io.egress.core.flow.IpProtocols;
import io.egress.core.flow.NameSource;
import io.egress.core.flow.TcpState;
import io.egress.core.net.IpAddresses;
import io.egress.detect.DetectionInput;
import io.egress.detect.Detector;
import io.egress.detect.DetectorContext;
import io.egress.detect.Finding;
import io.egress.detect.Parameters;
import io.egress.detect.Severity;
import java.util.List;
import java.util.Map;

/** Builds flows and runs detectors for tests. Times are seconds since an arbitrary epoch. */
final class TestFlows {
    static final long T0 = 1_700_000_000L * 1_000_000_000L;

    private TestFlows() {
    }

    static Flow tcp(String from, String to, int toPort, double startSeconds, double lastSeconds, long outPayload, long inPayload,
            FlowName... names) {
        return flow(IpProtocols.TCP, from, 40000, to, toPort, startSeconds, lastSeconds, outPayload, inPayload, names);
    }

    static Flow udp(String from, int fromPort, String to, int toPort, double startSeconds, double lastSeconds) {
        return flow(IpProtocols.UDP, from, fromPort, to, toPort, startSeconds, lastSeconds, 60, 60);
    }

    static Flow flow(int protocol, String from, int fromPort, String to, int toPort, double startSeconds, double lastSeconds,
            long outPayload, long inPayload, FlowName... names) {
        byte[] a = IpAddresses.parseLiteral(from);
        byte[] b = IpAddresses.parseLiteral(to);
        FlowKey key = FlowKey.of(protocol, a, fromPort, b, toPort, FlowKey.NO_VLAN, FlowKey.NO_VLAN);
        return new Flow(key, a, fromPort, b, toPort, new DirectionStats(4, outPayload + 200, outPayload),
                new DirectionStats(4, inPayload + 200, inPayload), at(startSeconds), at(lastSeconds),
                protocol == IpProtocols.TCP ? TcpState.CLOSED : TcpState.NONE, 0, 0, "", List.of(names), true);
    }

    static FlowName name(String name, NameSource source, double atSeconds) {
        return new FlowName(name, source, at(atSeconds));
    }

    static long at(double seconds) {
        return T0 + (long) (seconds * 1e9);
    }

    static List<Finding> run(Detector detector, String id, Map<String, String> defaults, DetectionInput input) throws Exception {
        return detector.detect(input, DetectorContext.of(id, Severity.MEDIUM, Parameters.of(defaults)));
    }

    static List<Finding> run(Detector detector, String id, Map<String, String> defaults, Map<String, String> overrides,
            DetectionInput input) throws Exception {
        return detector.detect(input, DetectorContext.of(id, Severity.MEDIUM, Parameters.of(defaults).with(overrides)));
    }
}
