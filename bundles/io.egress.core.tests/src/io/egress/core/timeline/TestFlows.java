package io.egress.core.timeline;

import java.util.List;

import io.egress.core.flow.DirectionStats;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.IpProtocols;
import io.egress.core.flow.TcpState;

/** Small hand-made flows for the timeline tests. */
final class TestFlows {
    static final long S = 1_000_000_000L;

    private TestFlows() {
    }

    static Flow tcp(String from, int fromPort, String to, int toPort, long firstNanos, long lastNanos, long packets) {
        byte[] a = io.egress.core.net.IpAddresses.parseLiteral(from);
        byte[] b = io.egress.core.net.IpAddresses.parseLiteral(to);
        return new Flow(FlowKey.of(IpProtocols.TCP, a, fromPort, b, toPort, FlowKey.NO_VLAN, FlowKey.NO_VLAN), a, fromPort, b, toPort,
                new DirectionStats(packets, packets * 100, 0), new DirectionStats(0, 0, 0), firstNanos, lastNanos, TcpState.CLOSED, 0, 0,
                "", List.of(), true);
    }
}
