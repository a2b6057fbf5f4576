package io.egress.core.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.egress.core.net.IpAddresses;
import io.egress.core.process.ExecutableState;
import io.egress.core.process.ProcessInfo;
import io.egress.core.socket.Attribution;
import io.egress.core.socket.AttributionMethod;
import io.egress.core.socket.Confidence;
import io.egress.core.socket.Connection;
import io.egress.core.socket.IpFamily;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.ScanCounters;
import io.egress.core.socket.SocketEntry;
import io.egress.core.socket.SocketSnapshot;
import io.egress.core.socket.SocketState;

class ConnectionsTrackerTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final ProcessInfo SPOTIFY = new ProcessInfo(4242, 1000, "spotify", "/usr/bin/spotify", "spotify",
            "alice", 1000, 1, ExecutableState.PRESENT, "test");

    private static Connection tcp(String remote, int remotePort, SocketState state, Optional<ProcessInfo> owner) {
        SocketEntry s = new SocketEntry(Protocol.TCP, IpFamily.IPV4, false, IpAddresses.parse("192.168.1.5"), 50000 + remotePort % 1000,
                IpAddresses.parse(remote), remotePort, state, 1000, 77, owner.map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty()),
                OptionalLong.empty());
        AttributionMethod m = owner.isPresent() ? AttributionMethod.PROC_FD : AttributionMethod.NONE_NOT_VISIBLE;
        return new Connection(s, owner, Attribution.of(m, owner.isPresent() ? Confidence.EXACT : Confidence.NONE));
    }

    private static SocketSnapshot snapshot(Connection... c) {
        return new SocketSnapshot(T0, Duration.ofMillis(5), "test", List.of(c), new ScanCounters(1, 0, 0, c.length, 0), List.of());
    }

    @Test
    void firstLookIsNotNewLaterArrivalsAreAndClosedOnesLingerThenGo() {
        ConnectionsTracker tracker = new ConnectionsTracker(Duration.ofSeconds(6));
        Connection fastly = tcp("151.101.1.69", 443, SocketState.ESTABLISHED, Optional.of(SPOTIFY));
        Connection lan = tcp("192.168.1.1", 53, SocketState.ESTABLISHED, Optional.of(SPOTIFY));
        ConnectionsView v1 = tracker.update(snapshot(fastly), T0);
        assertEquals(Instant.MIN, v1.groups().get(0).rows().get(0).firstSeen());

        ConnectionsView v2 = tracker.update(snapshot(fastly, lan), T0.plusSeconds(2));
        ProcessGroup g = v2.groups().get(0);
        assertEquals("spotify", g.label());
        assertEquals(2, g.rows().size());
        ConnectionRow added = g.rows().stream().filter(r -> r.connection().equals(lan)).findFirst().orElseThrow();
        assertEquals(T0.plusSeconds(2), added.firstSeen());

        ConnectionsView v3 = tracker.update(snapshot(lan), T0.plusSeconds(4));
        ConnectionRow closed = v3.groups().get(0).rows().stream().filter(r -> r.connection().equals(fastly)).findFirst().orElseThrow();
        assertEquals(Optional.of(T0.plusSeconds(4)), closed.closedAt());
        assertEquals(1, v3.openCount());

        ConnectionsView v4 = tracker.update(snapshot(lan), T0.plusSeconds(11));
        assertEquals(1, v4.groups().get(0).rows().size(), "closed row dropped after keepClosed");
    }

    @Test
    void unownedSocketsAreGroupedPerUidAfterProcesses() {
        ConnectionsTracker tracker = new ConnectionsTracker(Duration.ZERO);
        ConnectionsView v = tracker.update(snapshot(tcp("8.8.8.8", 53, SocketState.ESTABLISHED, Optional.empty()),
                tcp("151.101.1.69", 443, SocketState.ESTABLISHED, Optional.of(SPOTIFY))), T0);
        assertEquals(List.of("spotify", "(owner not visible, uid 1000)"), v.groups().stream().map(ProcessGroup::label).toList());
    }

    @Test
    void filterHidesNoiseAndMatchesText() {
        ConnectionsTracker tracker = new ConnectionsTracker(Duration.ZERO);
        ConnectionsView v = tracker.update(snapshot(tcp("151.101.1.69", 443, SocketState.ESTABLISHED, Optional.of(SPOTIFY)),
                tcp("192.168.1.1", 53, SocketState.ESTABLISHED, Optional.of(SPOTIFY)),
                tcp("127.0.0.1", 631, SocketState.ESTABLISHED, Optional.of(SPOTIFY)),
                tcp("0.0.0.0", 0, SocketState.LISTEN, Optional.of(SPOTIFY))), T0);
        assertEquals(3, rows(v, ConnectionFilter.DEFAULT), "listener hidden by default");
        assertEquals(4, rows(v, ConnectionFilter.DEFAULT.withShowListening(true)));
        assertEquals(2, rows(v, ConnectionFilter.DEFAULT.withHideLoopback(true)));
        assertEquals(1, rows(v, ConnectionFilter.DEFAULT.withHideLoopback(true).withHidePrivate(true)));
        assertEquals(1, rows(v, ConnectionFilter.DEFAULT.withText("public")));
        assertEquals(3, rows(v, ConnectionFilter.DEFAULT.withText("SPOTIFY")));
        assertTrue(v.filtered(ConnectionFilter.DEFAULT.withText("nothing-matches")).isEmpty());
        assertFalse(v.groups().isEmpty());
    }

    private static long rows(ConnectionsView v, ConnectionFilter f) {
        return v.filtered(f).stream().mapToLong(g -> g.rows().size()).sum();
    }

    @Test
    void countryAndNetworkColumnsShowSortAndFilterFromTheFacts() {
        io.egress.core.net.AddressFacts facts = new io.egress.core.net.AddressFacts() {
            @Override
            public String country(byte[] a) {
                return IpAddresses.format(a).equals("151.101.1.69") ? "US" : "";
            }

            @Override
            public String network(byte[] a) {
                return IpAddresses.format(a).equals("151.101.1.69") ? "AS54113 Fastly, Inc." : "";
            }
        };
        ConnectionsView v = new ConnectionsTracker(Duration.ZERO).update(snapshot(tcp("151.101.1.69", 443, SocketState.ESTABLISHED,
                Optional.of(SPOTIFY)), tcp("192.168.1.1", 53, SocketState.ESTABLISHED, Optional.of(SPOTIFY))), T0);
        ProcessGroup g = v.groups().get(0);
        ConnectionRow fastly = g.rows().stream().filter(r -> r.connection().socket().remotePort() == 443).findFirst().orElseThrow();
        assertEquals("US", ConnectionColumn.REMOTE_COUNTRY.text(g, fastly, facts));
        assertEquals("AS54113 Fastly, Inc.", ConnectionColumn.REMOTE_NETWORK.text(g, fastly, facts));
        assertEquals("", ConnectionColumn.REMOTE_NETWORK.text(g, fastly)); // without facts
        List<ProcessGroup> onlyFastly = v.filtered(ConnectionFilter.DEFAULT.withText("fastly"), facts);
        assertEquals(1, onlyFastly.get(0).rows().size());
        assertEquals(443, onlyFastly.get(0).rows().get(0).connection().socket().remotePort());
        assertTrue(v.filtered(ConnectionFilter.DEFAULT.withText("fastly")).isEmpty());
    }
}
