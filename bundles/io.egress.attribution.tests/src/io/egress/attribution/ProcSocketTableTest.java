package io.egress.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.net.IpAddresses;
import io.egress.core.process.ExecutableState;
import io.egress.core.process.ProcessInfo;
import io.egress.core.socket.AttributionMethod;
import io.egress.core.socket.Connection;
import io.egress.core.socket.IpFamily;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketSnapshot;
import io.egress.core.socket.SocketState;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /proc socket table against fixture trees generated here. */
class ProcSocketTableTest {
    private static final long BIG_INODE = 3_000_000_000L;

    @TempDir
    Path dir;
    private ProcFixture proc;

    @BeforeEach
    void writeTables() throws IOException {
        proc = new ProcFixture(dir);
        proc.table("tcp", ProcFixture.TCP_HEADER,
                ProcFixture.line(0, "0100007F:1F90", "00000000:0000", 0x0A, 1000, "3000000000"),
                ProcFixture.line(1, "0100007F:A0F2", "0100007F:1F90", 0x06, 0, "0"),
                ProcFixture.line(2, "0100007F:1F91", "00000000:0000", 0x0A, 33, "3000000005"));
        proc.table("tcp6", ProcFixture.TCP6_HEADER,
                ProcFixture.line(0, "0000000000000000FFFF00000100007F:C350", "0000000000000000FFFF00000A01A8C0:01BB",
                        0x01, 1000, "3000000002"),
                ProcFixture.line(1, "B80D0120000000000000000001000000:0016", "00000000000000000000000000000000:0000",
                        0x0A, 0, "18446744073709551615"));
        proc.table("udp", ProcFixture.TCP_HEADER,
                ProcFixture.line(0, "0100007F:0035", "00000000:0000", 0x07, 1000, "3000000001"));
        proc.table("udp6", ProcFixture.TCP6_HEADER);
        proc.process(100, "my server) (x", 5000, 1000, "3=socket:[3000000000]", "4=socket:[3000000001]",
                "5=socket:[3000000002]", "6=pipe:[77]", "7=anon_inode:[eventfd]");
        proc.process(101, "child", 6000, 1000, "3=socket:[3000000000]");
        proc.process(200, "leaving", 7000, 1000, "3=socket:[18446744073709551615]");
        proc.process(300, "secret", 8000, 33, "3=socket:[3000000005]");
        proc.exe(100, "/opt/old/my-server (deleted)");
    }

    private SocketSnapshot snapshot(HookedProcFs fs) {
        SocketTableOptions opts = SocketTableOptions.defaults().withProcRoot(dir).withListing(Listing.PROC);
        try (SocketTableService service = new SocketTableService(opts, fs)) {
            return service.snapshot();
        }
    }

    private static Connection find(SocketSnapshot s, Protocol protocol, int localPort) {
        return s.connections().stream()
                .filter(c -> c.socket().protocol() == protocol && c.socket().localPort() == localPort)
                .findFirst().orElseThrow(() -> new AssertionError("no " + protocol + " socket on port " + localPort));
    }

    @Test
    void bigInodeIsUnsignedAndOwnedByLowestPid() {
        SocketSnapshot s = snapshot(new HookedProcFs(dir));
        Connection c = find(s, Protocol.TCP, 8080);
        assertEquals(BIG_INODE, c.socket().inode());
        assertEquals("3000000000", c.socket().inodeText());
        assertEquals(SocketState.LISTEN, c.socket().state());
        assertEquals("127.0.0.1", IpAddresses.format(c.socket().localAddress()));
        assertEquals(100L, c.pid().getAsLong());
        assertEquals(AttributionMethod.PROC_FD, c.attribution().method());
        assertTrue(c.attribution().note().contains("101"), c.attribution().note());
        ProcessInfo p = c.process().orElseThrow();
        assertEquals("my server) (x", p.name());
        assertEquals("/usr/bin/my server) (x --flag", p.commandLine());
        assertEquals(1000, p.uid());
        assertEquals(1_700_000_000_000L + 50_000L, p.startTimeMillis());
        assertEquals("/opt/old/my-server", p.exePath());
        assertEquals(ExecutableState.DELETED, p.executable());
    }

    @Test
    void ipv4MappedTcp6IsReportedAsIpv4() {
        Connection c = find(snapshot(new HookedProcFs(dir)), Protocol.TCP, 50000);
        assertEquals(IpFamily.IPV4, c.socket().family());
        assertTrue(c.socket().mappedFromIpv6());
        assertTrue(c.socket().localAddress() instanceof Inet4Address);
        assertEquals("127.0.0.1", IpAddresses.format(c.socket().localAddress()));
        assertEquals("192.168.1.10", IpAddresses.format(c.socket().remoteAddress()));
        assertEquals(443, c.socket().remotePort());
        assertEquals(SocketState.ESTABLISHED, c.socket().state());
        assertEquals(100L, c.pid().getAsLong());
    }

    @Test
    void realIpv6StaysIpv6WithMaxInode() {
        Connection c = find(snapshot(new HookedProcFs(dir)), Protocol.TCP, 22);
        assertEquals(IpFamily.IPV6, c.socket().family());
        assertTrue(c.socket().localAddress() instanceof Inet6Address);
        assertEquals("2001:db8::1", IpAddresses.format(c.socket().localAddress()));
        assertEquals("18446744073709551615", c.socket().inodeText());
        assertEquals(-1L, c.socket().inode());
    }

    @Test
    void udpSocketIsUnconnected() {
        Connection c = find(snapshot(new HookedProcFs(dir)), Protocol.UDP, 53);
        assertEquals(SocketState.UNCONNECTED, c.socket().state());
        assertTrue(c.socket().state().isListening());
        assertFalse(c.socket().hasRemote());
        assertEquals(100L, c.pid().getAsLong());
    }

    @Test
    void timeWaitHasNoProcess() {
        Connection c = find(snapshot(new HookedProcFs(dir)), Protocol.TCP, 0xA0F2);
        assertEquals(SocketState.TIME_WAIT, c.socket().state());
        assertEquals(AttributionMethod.NONE_NO_PROCESS, c.attribution().method());
        assertTrue(c.process().isEmpty());
    }

    @Test
    void processVanishingBetweenListingAndReadingIsSkippedAndCounted() {
        SocketSnapshot s = snapshot(new HookedProcFs(dir).vanishWhenRead(200));
        assertEquals(1, s.counters().processesVanished());
        Connection orphan = find(s, Protocol.TCP, 22);
        assertTrue(orphan.pid().isEmpty());
        assertEquals(AttributionMethod.NONE_NO_PROCESS, orphan.attribution().method());
        assertEquals(100L, find(s, Protocol.TCP, 8080).pid().getAsLong());
    }

    @Test
    void unreadableFdDirKeepsUidAndSaysOwnerNotVisible() {
        SocketSnapshot s = snapshot(new HookedProcFs(dir).deny(300));
        assertEquals(1, s.counters().fdDirsUnreadable());
        Connection hidden = find(s, Protocol.TCP, 8081);
        assertTrue(hidden.pid().isEmpty());
        assertEquals(33, hidden.socket().uid());
        assertEquals(AttributionMethod.NONE_NOT_VISIBLE, hidden.attribution().method());
        assertEquals("owner not visible (needs privileges)", hidden.attribution().method().meaning());
        assertEquals(100L, find(s, Protocol.TCP, 8080).pid().getAsLong());
    }

    @Test
    void withoutProcessDetailsOnlyThePidIsKnown() {
        SocketTableOptions opts = SocketTableOptions.defaults().withProcRoot(dir).withListing(Listing.PROC)
                .withProcessDetails(false);
        try (SocketTableService service = new SocketTableService(opts, new HookedProcFs(dir))) {
            Connection c = find(service.snapshot(), Protocol.TCP, 8080);
            assertEquals(100L, c.process().orElseThrow().pid());
            assertFalse(c.process().orElseThrow().hasDetails());
            assertFalse(c.attribution().note().contains("exited"), c.attribution().note());
        }
    }

    @Test
    void countersAddUp() {
        SocketSnapshot s = snapshot(new HookedProcFs(dir));
        assertEquals(6, s.counters().socketsListed());
        assertEquals(4, s.counters().processesScanned());
        assertEquals(1, s.counters().socketsUnowned()); // the TIME_WAIT row
        assertEquals("proc", s.source());
    }

    @Test
    void aDamagedLineIsSkippedWithItsFileLineAndColumnAndTheOthersStay() throws IOException {
        proc.table("udp", ProcFixture.TCP_HEADER,
                ProcFixture.line(0, "0100007F:0035", "00000000:0000", 0x07, 1000, "3000000001"),
                ProcFixture.line(1, "0100007F:0036", "00000000:0000", 0x07, 1000, "30000x0002"));
        SocketSnapshot s = snapshot(new HookedProcFs(dir));
        assertEquals(6, s.counters().socketsListed());
        String problem = s.problems().stream().filter(p -> p.contains("column")).findFirst().orElseThrow(() -> new AssertionError(s.problems()));
        assertTrue(problem.startsWith(dir.resolve("net/udp") + ": line 3: column inode: not an unsigned 64-bit number: '30000x0002'"),
                problem);
    }

    /** A lister whose table loses every socket after the first listing: the connection closed meanwhile. */
    private static io.egress.attribution.internal.SocketLister closingAfterFirstListing(io.egress.attribution.internal.SocketLister real,
            boolean closes) {
        return new io.egress.attribution.internal.SocketLister() {
            private int listings;

            @Override
            public String id() {
                return real.id();
            }

            @Override
            public boolean reportsOwners() {
                return false;
            }

            @Override
            public io.egress.attribution.internal.SocketListing list() {
                return listings++ == 0 || !closes ? real.list() : new io.egress.attribution.internal.SocketListing(java.util.List.of(),
                        java.util.List.of());
            }
        };
    }

    private Connection triggered(HookedProcFs fs, boolean closes) throws IOException {
        var lister = closingAfterFirstListing(new io.egress.attribution.internal.proc.ProcSocketLister(fs), closes);
        var lookup = new io.egress.attribution.internal.TriggeredLookup(lister, new io.egress.attribution.internal.proc.InodeOwnerIndex(fs, 30),
                new io.egress.attribution.internal.ProcessDetails(java.util.Optional.of(new io.egress.attribution.internal.proc.ProcProcessReader(fs)),
                        java.util.Optional.empty(), true), fs);
        return lookup.lookup(Protocol.TCP, java.net.InetAddress.getByName("127.0.0.1"), 8081, java.net.InetAddress.getByName("0.0.0.0"), 0,
                java.time.Instant.now()).orElseThrow();
    }

    @Test
    void aTriggeredSocketStillOpenButUnplacedIsNotVisibleOneThatClosedMeanwhileIsNoProcess() throws IOException {
        Connection open = triggered(new HookedProcFs(dir).deny(300), false);
        assertEquals(AttributionMethod.NONE_NOT_VISIBLE, open.attribution().method());
        assertEquals("uid 33; 1 process not readable", open.attribution().note());
        Connection closed = triggered(new HookedProcFs(dir).deny(300), true);
        assertEquals(AttributionMethod.NONE_NO_PROCESS, closed.attribution().method(), closed.attribution().toString());
        assertTrue(closed.attribution().note().startsWith("the connection closed before its owner could be read ("),
                closed.attribution().note());
    }
}
