package io.egress.core.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.egress.core.flow.DirectionStats;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.FlowName;
import io.egress.core.flow.NameSource;
import io.egress.core.flow.TcpState;
import io.egress.core.net.IpAddresses;
import io.egress.core.progress.Progress;

class HostGroupsTest {

    private static Flow tcp(String src, int sport, String dst, int dport, long bytesOut, long first, String name) {
        byte[] a = IpAddresses.parseLiteral(src);
        byte[] b = IpAddresses.parseLiteral(dst);
        return new Flow(FlowKey.of(6, a, sport, b, dport, FlowKey.NO_VLAN, FlowKey.NO_VLAN), a, sport, b, dport,
                new DirectionStats(3, bytesOut, bytesOut - 120), new DirectionStats(2, 500, 400), first, first + 1_000_000,
                TcpState.ESTABLISHED, 0, 0, "1:x", name == null ? List.of() : List.of(new FlowName(name, NameSource.TLS_SNI, first)), true);
    }

    @Test
    void groupsByInitiatorThenDestinationAndProtocol() {
        List<Flow> flows = List.of(
                tcp("192.168.1.10", 50000, "151.101.1.69", 443, 1000, 10, "audio.example-cdn.net"),
                tcp("192.168.1.10", 50001, "151.101.1.69", 443, 2000, 20, "audio.example-cdn.net"),
                tcp("192.168.1.10", 50002, "151.101.1.69", 80, 100, 30, null),
                tcp("192.168.1.10", 50003, "10.0.0.5", 22, 50, 40, null),
                tcp("192.168.1.11", 40000, "151.101.1.69", 443, 10, 50, null));
        List<HostGroups.Host> hosts = HostGroups.of(flows, Progress.NONE);
        assertEquals(List.of("192.168.1.10", "192.168.1.11"), hosts.stream().map(HostGroups.Host::address).toList());
        HostGroups.Destination cdn = hosts.get(0).destinations().get(0);
        assertEquals("151.101.1.69", cdn.remote());
        assertEquals("80,443", cdn.ports());
        assertEquals(3, cdn.flows());
        assertEquals(3100, cdn.bytesOut());
        assertEquals("public", cdn.remoteClass().id());
        assertEquals("audio.example-cdn.net", cdn.names());
        assertEquals(10, cdn.firstNanos());
        assertEquals("private", hosts.get(0).destinations().get(1).remoteClass().id());
        assertEquals(1, HostGroups.filter(hosts, "cdn.net").size());
        assertEquals(1, HostGroups.filter(hosts, "10.0.0.5").size());
    }
}
