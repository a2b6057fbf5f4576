package io.egress.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.flow.DirectionStats;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.TcpState;
import io.egress.core.process.ExecutableState;
import io.egress.core.process.ProcessInfo;
import io.egress.core.socket.Attribution;
import io.egress.core.socket.AttributionMethod;
import io.egress.core.socket.Confidence;
import io.egress.core.socket.Connection;
import io.egress.core.socket.IpFamily;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;
import io.egress.core.socket.SocketState;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Grouping of live flows under their owners, and bytes per second from two snapshots. */
class LiveProcessViewTest {
    private static final byte[] LO = {127, 0, 0, 1};
    private static final long SECOND = 1_000_000_000L;

    private static Flow flow(int clientPort, int serverPort, long bytesOut, long bytesIn) {
        FlowKey key = FlowKey.of(6, LO, clientPort, LO, serverPort, FlowKey.NO_VLAN, FlowKey.NO_VLAN);
        return new Flow(key, LO, clientPort, LO, serverPort, new DirectionStats(3, bytesOut, 0), new DirectionStats(2, bytesIn, 0),
                0, clientPort, TcpState.ESTABLISHED, 0, 0, "", List.of(), true);
    }

    private static FlowOwner owned(long pid, String name, int uid, int port, AttributionMethod method, long delayMs) {
        Optional<ProcessInfo> process = name == null ? Optional.empty()
                : Optional.of(new ProcessInfo(pid, 1, name, "/usr/bin/" + name, name, "alice", uid, 1, ExecutableState.PRESENT, "proc"));
        SocketEntry socket = new SocketEntry(Protocol.TCP, IpFamily.IPV4, false, InetAddress.getLoopbackAddress(), port,
                InetAddress.getLoopbackAddress(), 80, SocketState.ESTABLISHED, uid, 42, pid < 0 ? OptionalLong.empty() : OptionalLong.of(pid),
                OptionalLong.empty());
        Attribution a = new Attribution(method, pid < 0 ? Confidence.NONE : Confidence.EXACT, Duration.ofMillis(delayMs), "");
        return new FlowOwner(pid < 0 ? OwnerState.UNATTRIBUTED : OwnerState.ATTRIBUTED,
                Optional.of(new Connection(socket, process, a)), a);
    }

    private static final FlowOwner UNATTRIBUTED = new FlowOwner(OwnerState.UNATTRIBUTED, Optional.empty(),
            Attribution.of(AttributionMethod.NONE, Confidence.NONE));

    @Test
    void groupsFlowsUnderTheirOwnersAndNeverGuesses() {
        List<AttributedFlow> snapshot = List.of(
                new AttributedFlow(flow(40001, 80, 100, 1000), owned(1234, "curl", 1000, 40001, AttributionMethod.TRIGGER, 2)),
                new AttributedFlow(flow(40002, 80, 50, 500), UNATTRIBUTED),
                new AttributedFlow(flow(40003, 80, 10, 10), owned(1234, "curl", 1000, 40003, AttributionMethod.POLL, 900)),
                new AttributedFlow(flow(40004, 80, 10, 10), FlowOwner.PENDING),
                new AttributedFlow(flow(40005, 80, 10, 10), owned(-1, null, 33, 40005, AttributionMethod.NONE_NOT_VISIBLE, 3)),
                new AttributedFlow(flow(40006, 443, 1, 1), owned(99, "firefox", 1000, 40006, AttributionMethod.TRIGGER, 1)),
                // a TIME_WAIT socket: found, uid 0 from the kernel, no process holds it: unattributed, not "uid 0"
                new AttributedFlow(flow(40007, 80, 1, 1), owned(-1, null, 0, 40007, AttributionMethod.NONE_NO_PROCESS, 4)));
        LiveProcessView view = LiveProcessView.EMPTY.next(snapshot, 5 * SECOND);

        List<LiveProcessView.Group> groups = view.groups();
        // processes first, the one heard from last (firefox: last packet at 40006) before curl
        assertEquals(List.of("pid:99", "pid:1234", "uid:33", "unattributed", "pending"), groups.stream().map(LiveProcessView.Group::id).toList());
        LiveProcessView.Group curl = groups.get(1);
        assertEquals(LiveProcessView.GroupKind.PROCESS, curl.kind());
        assertEquals("curl", curl.name());
        assertEquals("alice", curl.user());
        assertEquals("/usr/bin/curl", curl.process().orElseThrow().exePath()); // the details pane shows it
        assertEquals("curl", curl.process().orElseThrow().commandLine());
        assertEquals(1234, curl.pid().getAsLong());
        assertEquals(List.of(0, 2), curl.rows().stream().map(LiveProcessView.Row::flowIndex).toList());
        assertEquals(1100 + 20, curl.bytes());
        assertEquals("127.0.0.1:40001", curl.rows().get(0).initiator());
        assertEquals("127.0.0.1:80", curl.rows().get(0).responder());
        assertEquals("trigger", curl.rows().get(0).method());
        assertEquals(Duration.ofMillis(2), curl.rows().get(0).delay());
        assertEquals("poll", curl.rows().get(1).method());

        LiveProcessView.Group notVisible = groups.get(2);
        assertEquals(LiveProcessView.GroupKind.NOT_VISIBLE, notVisible.kind());
        assertTrue(notVisible.pid().isEmpty());
        assertEquals("", notVisible.name(), "no process name is made up");
        assertTrue(notVisible.process().isEmpty());
        assertEquals("33", notVisible.user());
        assertEquals(LiveProcessView.GroupKind.UNATTRIBUTED, groups.get(3).kind());
        assertEquals(List.of(1, 6), groups.get(3).rows().stream().map(LiveProcessView.Row::flowIndex).toList());
        assertEquals("none-no-process", groups.get(3).rows().get(1).method());
        assertEquals("", groups.get(3).user());
        assertEquals(LiveProcessView.GroupKind.PENDING, groups.get(4).kind());
        assertEquals("pending", groups.get(4).rows().get(0).method());
        // the first look has nothing to measure against
        assertEquals(0.0, view.bytesPerSecond());
        assertEquals(7, view.flows());
    }

    @Test
    void bytesPerSecondFromTwoSnapshots() {
        FlowOwner curl = owned(1234, "curl", 1000, 40001, AttributionMethod.TRIGGER, 2);
        FlowOwner other = owned(1234, "curl", 1000, 40002, AttributionMethod.TRIGGER, 2);
        LiveProcessView first = LiveProcessView.EMPTY.next(List.of(new AttributedFlow(flow(40001, 80, 100, 900), curl)), 10 * SECOND);
        // half a second later: flow 0 grew by 1,000 bytes, flow 1 is new with 250 bytes
        LiveProcessView second = first.next(List.of(new AttributedFlow(flow(40001, 80, 600, 1400), curl),
                new AttributedFlow(flow(40002, 80, 200, 50), other)), 10 * SECOND + SECOND / 2);
        LiveProcessView.Group g = second.groups().get(0);
        assertEquals(2000.0, g.rows().get(0).bytesPerSecond(), 1e-6);
        assertEquals(500.0, g.rows().get(1).bytesPerSecond(), 1e-6);
        assertEquals(2500.0, g.bytesPerSecond(), 1e-6);
        assertEquals(2500.0, second.bytesPerSecond(), 1e-6);
        // the busier process comes first whatever its pid and last packet
        FlowOwner quiet = owned(7, "ntpd", 0, 123, AttributionMethod.TRIGGER, 1);
        LiveProcessView both = first.next(List.of(new AttributedFlow(flow(40001, 80, 100, 900), curl),
                new AttributedFlow(flow(50000, 80, 1, 1), quiet)), 11 * SECOND);
        assertEquals(List.of("pid:7", "pid:1234"), both.groups().stream().map(LiveProcessView.Group::id).toList(), "new flow: 2 B/s");
        LiveProcessView busier = both.next(List.of(new AttributedFlow(flow(40001, 80, 5000, 900), curl),
                new AttributedFlow(flow(50000, 80, 1, 1), quiet)), 12 * SECOND);
        assertEquals(List.of("pid:1234", "pid:7"), busier.groups().stream().map(LiveProcessView.Group::id).toList());
        // nothing moved: rates fall to zero, the flows stay
        LiveProcessView third = second.next(List.of(new AttributedFlow(flow(40001, 80, 600, 1400), curl),
                new AttributedFlow(flow(40002, 80, 200, 50), other)), 11 * SECOND);
        assertEquals(0.0, third.groups().get(0).bytesPerSecond());
        assertEquals(2, third.groups().get(0).rows().size());
    }

    @Test
    void filterKeepsMatchingRowsAndWholeMatchingProcesses() {
        List<AttributedFlow> snapshot = List.of(
                new AttributedFlow(flow(40001, 80, 1, 1), owned(1234, "curl", 1000, 40001, AttributionMethod.TRIGGER, 2)),
                new AttributedFlow(flow(40002, 443, 1, 1), owned(1234, "curl", 1000, 40002, AttributionMethod.TRIGGER, 2)),
                new AttributedFlow(flow(40003, 443, 1, 1), UNATTRIBUTED));
        LiveProcessView view = LiveProcessView.EMPTY.next(snapshot, 1);
        assertEquals(2, view.filtered("CURL").get(0).rows().size());
        List<LiveProcessView.Group> https = view.filtered(":443");
        assertEquals(2, https.size());
        assertEquals(List.of(1), https.get(0).rows().stream().map(LiveProcessView.Row::flowIndex).toList());
        assertEquals(view.groups(), view.filtered(" "));
        // the front end's name of a group ("unattributed") finds all its flows
        List<LiveProcessView.Group> unattributed = view.filtered("unattrib",
                g -> g.kind() == LiveProcessView.GroupKind.UNATTRIBUTED ? "unattributed" : g.name());
        assertEquals(1, unattributed.size());
        assertEquals(List.of(2), unattributed.get(0).rows().stream().map(LiveProcessView.Row::flowIndex).toList());
        assertTrue(view.filtered("unattrib").isEmpty());
    }
}
