package io.egress.capture;

import static io.egress.capture.Frames.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.TcpState;
import io.egress.core.net.IpAddresses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-built frames for each decoder case, asserting the exact 5-tuple and counts. */
class DecoderCasesTest {
    private static final int ETHERNET = 1;
    private static final int IPV4 = 0x0800;
    private static final int IPV6 = 0x86dd;
    private static final long T0 = 1_700_000_000_000_000_000L;

    private final FlowEngine engine = new FlowEngine();
    private long clock = T0;

    private void feed(int linkType, byte[] frame) {
        clock += 1_000_000;
        engine.frame(linkType, clock, frame, frame.length, frame.length);
    }

    private Flow only() {
        FlowList flows = engine.snapshot();
        assertEquals(1, flows.size(), () -> "flows: " + flows);
        return flows.get(0);
    }

    private static void assertTuple(Flow f, int protocol, String src, int srcPort, String dst, int dstPort) {
        assertEquals(protocol, f.protocol(), "protocol");
        assertEquals(src, IpAddresses.format(f.initiator()), "initiator");
        assertEquals(srcPort, f.initiatorPort(), "initiator port");
        assertEquals(dst, IpAddresses.format(f.responder()), "responder");
        assertEquals(dstPort, f.responderPort(), "responder port");
    }

    @Test
    void ipv6WithIpv4MappedSourceStaysIpv6() {
        feed(ETHERNET, ethernet(IPV6, ipv6(17, "::ffff:192.0.2.1", "2001:db8::1", udp(40000, 53, new byte[12]))));
        Flow f = only();
        assertTuple(f, 17, "::ffff:192.0.2.1", 40000, "2001:db8::1", 53);
        assertEquals(16, f.initiator().length);
        assertEquals(new ConversationCounts(0, 1, 0, 0, 1), engine.snapshot().conversations());
        assertEquals(12, f.forward().payloadBytes());
    }

    @Test
    void hopByHopBeforeUdp() {
        byte[] packet = ipv6(0, "2001:db8::10", "2001:db8::20", extension(17, udp(5000, 6000, new byte[4])));
        feed(ETHERNET, ethernet(IPV6, packet));
        Flow f = only();
        assertTuple(f, 17, "2001:db8::10", 5000, "2001:db8::20", 6000);
        assertEquals(packet.length + 14, f.forward().bytes());
        assertEquals(4, f.forward().payloadBytes());
    }

    @Test
    void fullExtensionChainWithAtomicFragmentAndAuthenticationHeader() {
        byte[] ah = concat(new byte[] {6, 1, 0, 0}, new byte[8]); // length 1: (1 + 2) * 4 = 12 bytes
        byte[] chain = extension(43, concat(new byte[] {44, 0, 0, 0, 0, 0, 0, 0}, // routing, 8 bytes
                fragmentHeader(60, 0, false, 7, extension(51, concat(ah, tcp(1234, 80, 1, 0, 0x02, new byte[0]))))));
        feed(LinkTypesForTest.RAW, ipv6(0, "2001:db8::1", "2001:db8::2", chain));
        assertTuple(only(), 6, "2001:db8::1", 1234, "2001:db8::2", 80);
        assertEquals(TcpState.SYN_SENT, only().tcpState());
    }

    @Test
    void sllWithZeroLengthAddress() {
        feed(113, sll(IPV4, ipv4(6, "10.0.0.1", "10.0.0.2", tcp(33000, 443, 100, 0, 0x02, new byte[0]))));
        assertTuple(only(), 6, "10.0.0.1", 33000, "10.0.0.2", 443);
    }

    @Test
    void sll2Header() {
        feed(276, Frames.sll2(IPV6, ipv6(17, "fe80::1", "ff02::fb", udp(5353, 5353, new byte[20]))));
        assertTuple(only(), 17, "fe80::1", 5353, "ff02::fb", 5353);
    }

    @Test
    void qinqVlanIdsAreInTheKey() {
        byte[] ip = ipv4(17, "192.0.2.1", "198.51.100.7", udp(1000, 2000, new byte[3]));
        feed(ETHERNET, ethernetTagged(IPV4, ip, 10, 20));
        feed(ETHERNET, ethernetTagged(IPV4, ip, 42));
        feed(ETHERNET, ethernet(IPV4, ip));
        FlowList flows = engine.snapshot();
        assertEquals(3, flows.size());
        FlowKey qinq = flows.get(0).key();
        assertEquals(10, qinq.outerVlan());
        assertEquals(20, qinq.innerVlan());
        assertEquals(42, flows.get(1).key().outerVlan());
        assertEquals(FlowKey.NO_VLAN, flows.get(1).key().innerVlan());
        assertEquals(FlowKey.NO_VLAN, flows.get(2).key().outerVlan());
        assertTuple(flows.get(0), 17, "192.0.2.1", 1000, "198.51.100.7", 2000);
        // tshark's address pairs ignore the tags
        assertEquals(new ConversationCounts(0, 3, 0, 1, 0), flows.conversations());
    }

    @Test
    void icmpErrorQuotingUdpIsTiedToTheUdpFlow() {
        byte[] udpPacket = ipv4(17, "10.1.1.1", "10.2.2.2", udp(40001, 33434, new byte[8]));
        feed(ETHERNET, ethernet(IPV4, udpPacket));
        byte[] quoted = java.util.Arrays.copyOf(udpPacket, 28);
        feed(ETHERNET, ethernet(IPV4, ipv4(1, "10.2.2.2", "10.1.1.1", icmp(3, 3, 0, quoted))));
        FlowList flows = engine.snapshot();
        assertEquals(2, flows.size());
        Flow udp = flows.get(0);
        assertTuple(udp, 17, "10.1.1.1", 40001, "10.2.2.2", 33434);
        assertEquals(1, udp.icmpErrors());
        assertEquals(1, udp.packets());
        assertTuple(flows.get(1), 1, "10.2.2.2", 0, "10.1.1.1", 0);
        assertEquals(new ConversationCounts(0, 1, 1, 1, 0), flows.conversations());
    }

    @Test
    void icmpErrorForAnUnseenPacketCreatesNoUdpFlow() {
        byte[] quoted = java.util.Arrays.copyOf(ipv4(17, "10.1.1.1", "10.2.2.2", udp(40001, 53, new byte[8])), 28);
        feed(ETHERNET, ethernet(IPV4, ipv4(1, "10.2.2.2", "10.1.1.1", icmp(3, 3, 0, quoted))));
        Flow f = only();
        assertEquals(1, f.protocol());
        assertEquals(new ConversationCounts(0, 0, 1, 1, 0), engine.snapshot().conversations());
    }

    @Test
    void icmpv6ErrorQuotingUdp() {
        byte[] udpPacket = ipv6(17, "2001:db8::1", "2001:db8::2", udp(5555, 7777, new byte[4]));
        feed(ETHERNET, ethernet(IPV6, udpPacket));
        feed(ETHERNET, ethernet(IPV6, ipv6(58, "2001:db8::2", "2001:db8::1", icmp(1, 4, 0, udpPacket))));
        FlowList flows = engine.snapshot();
        assertEquals(2, flows.size());
        assertEquals(1, flows.get(0).icmpErrors());
        assertEquals(58, flows.get(1).protocol());
    }

    @Test
    void ipv4FragmentTrainBelongsToTheFirstFragmentsFlow() {
        byte[] datagram = udp(7000, 8000, new byte[2000]);
        byte[] part1 = java.util.Arrays.copyOfRange(datagram, 0, 800);
        byte[] part2 = java.util.Arrays.copyOfRange(datagram, 800, 1600);
        byte[] part3 = java.util.Arrays.copyOfRange(datagram, 1600, datagram.length);
        feed(ETHERNET, ethernet(IPV4, ipv4Fragment(17, "172.16.0.1", "172.16.0.2", 99, 0, true, part1)));
        feed(ETHERNET, ethernet(IPV4, ipv4Fragment(17, "172.16.0.1", "172.16.0.2", 99, 100, true, part2)));
        feed(ETHERNET, ethernet(IPV4, ipv4Fragment(17, "172.16.0.1", "172.16.0.2", 99, 200, false, part3)));
        Flow f = only();
        assertTuple(f, 17, "172.16.0.1", 7000, "172.16.0.2", 8000);
        assertEquals(3, f.forward().packets());
        assertTrue(f.portsKnown());
        assertEquals(2000, f.forward().payloadBytes(), "UDP payload counted once, from the first fragment's UDP length");
        assertEquals(new ConversationCounts(0, 1, 0, 1, 0), engine.snapshot().conversations());
    }

    @Test
    void laterFragmentWithoutItsFirstCountsOnlyAsAnAddressPair() {
        feed(ETHERNET, ethernet(IPV4, ipv4Fragment(17, "172.16.0.1", "172.16.0.2", 5, 100, false, new byte[40])));
        assertEquals(new ConversationCounts(0, 0, 0, 1, 0), engine.snapshot().conversations());
        Flow f = only();
        assertEquals(false, f.portsKnown());
        assertEquals("", f.communityId());
        assertEquals(17, f.protocol());
    }

    @Test
    void ipv4OptionsAreSkipped() {
        byte[] routerAlert = {(byte) 0x94, 4, 0, 0};
        feed(ETHERNET, ethernet(IPV4, ipv4WithOptions(17, "10.0.0.1", "224.0.0.22", routerAlert, udp(1, 2, new byte[0]))));
        assertTuple(only(), 17, "10.0.0.1", 1, "224.0.0.22", 2);
    }

    @Test
    void nullLoopbackInBothByteOrdersAndLoop() {
        byte[] v4 = ipv4(17, "127.0.0.1", "127.0.0.1", udp(1111, 2222, new byte[1]));
        byte[] v6 = ipv6(17, "::1", "::1", udp(3333, 4444, new byte[1]));
        feed(0, nullLink(2, true, v4));
        feed(0, nullLink(30, false, v6));
        feed(108, nullLink(24, false, v6));
        FlowList flows = engine.snapshot();
        assertEquals(2, flows.size());
        assertTuple(flows.get(0), 17, "127.0.0.1", 1111, "127.0.0.1", 2222);
        assertTuple(flows.get(1), 17, "::1", 3333, "::1", 4444);
        assertEquals(2, flows.get(1).packets());
    }

    @Test
    void rawIpLinkTypes() {
        for (int linkType : new int[] {101, 12, 14, 228}) {
            feed(linkType, ipv4(6, "192.0.2.9", "192.0.2.10", tcp(999, 80, 0, 0, 0x02, new byte[0])));
        }
        feed(229, ipv6(6, "2001:db8::9", "2001:db8::10", tcp(999, 80, 0, 0, 0x02, new byte[0])));
        FlowList flows = engine.snapshot();
        assertEquals(2, flows.size());
        assertEquals(4, flows.get(0).packets());
        assertEquals(3, flows.get(0).retransmissions(), "the same SYN four times");
    }

    @Test
    void tcpHandshakeStateRetransmissionAndClose() {
        String c = "198.51.100.1";
        String s = "203.0.113.5";
        feed(ETHERNET, ethernet(IPV4, ipv4(6, s, c, tcp(443, 50000, 5000, 1001, 0x12, new byte[0])))); // SYN-ACK seen first
        feed(ETHERNET, ethernet(IPV4, ipv4(6, c, s, tcp(50000, 443, 1001, 5001, 0x10, new byte[0]))));
        assertEquals(TcpState.ESTABLISHED, only().tcpState());
        feed(ETHERNET, ethernet(IPV4, ipv4(6, c, s, tcp(50000, 443, 1001, 5001, 0x18, new byte[100]))));
        feed(ETHERNET, ethernet(IPV4, ipv4(6, c, s, tcp(50000, 443, 1001, 5001, 0x18, new byte[100])))); // retransmitted
        feed(ETHERNET, ethernet(IPV4, ipv4(6, s, c, tcp(443, 50000, 5001, 1101, 0x11, new byte[0]))));
        assertEquals(TcpState.CLOSING, only().tcpState());
        feed(ETHERNET, ethernet(IPV4, ipv4(6, c, s, tcp(50000, 443, 1101, 5002, 0x11, new byte[0]))));
        Flow f = only();
        assertTuple(f, 6, c, 50000, s, 443); // the SYN-ACK's receiver initiated
        assertEquals(TcpState.CLOSED, f.tcpState());
        assertEquals(1, f.retransmissions());
        assertEquals(4, f.forward().packets());
        assertEquals(2, f.reverse().packets());
        assertEquals(200, f.forward().payloadBytes());
        assertEquals(T0 + 1_000_000, f.firstNanos());
        assertEquals(T0 + 6_000_000, f.lastNanos());
        assertTrue(f.communityId().startsWith("1:"));
    }

    @Test
    void resetEndsInReset() {
        feed(ETHERNET, ethernet(IPV4, ipv4(6, "10.0.0.1", "10.0.0.2", tcp(1, 2, 0, 0, 0x02, new byte[0]))));
        feed(ETHERNET, ethernet(IPV4, ipv4(6, "10.0.0.2", "10.0.0.1", tcp(2, 1, 0, 1, 0x14, new byte[0]))));
        assertEquals(TcpState.RESET, only().tcpState());
    }

    @Test
    void packetCutInsideTheTcpHeaderKeepsItsPorts() {
        byte[] frame = ethernet(IPV4, ipv4(6, "10.9.9.9", "10.8.8.8", tcp(4321, 25, 7, 0, 0x02, new byte[50])));
        engine.frame(ETHERNET, T0, frame, 14 + 20 + 8, frame.length); // ports and sequence number only
        Flow f = only();
        assertTuple(f, 6, "10.9.9.9", 4321, "10.8.8.8", 25);
        assertEquals(frame.length, f.forward().bytes());
        assertEquals(0, f.forward().payloadBytes(), "header length not captured: payload unknown");
        engine.frame(ETHERNET, T0 + 1, frame, 14 + 20 + 14, frame.length); // up to the flags
        f = only();
        assertEquals(50, f.forward().payloadBytes(), "payload from the IP length, not the cut");
        assertEquals(TcpState.SYN_SENT, f.tcpState());
    }

    @Test
    void icmpEchoRequestAndReplyShareAFlow() {
        feed(ETHERNET, ethernet(IPV4, ipv4(1, "10.0.0.1", "8.8.8.8", icmp(8, 0, 0x00420001, new byte[16]))));
        feed(ETHERNET, ethernet(IPV4, ipv4(1, "8.8.8.8", "10.0.0.1", icmp(0, 0, 0x00420001, new byte[16]))));
        Flow f = only();
        assertTuple(f, 1, "10.0.0.1", 0x42, "8.8.8.8", 0x42);
        assertEquals(1, f.reverse().packets());
        assertEquals(new ConversationCounts(0, 0, 1, 1, 0), engine.snapshot().conversations());
    }

    @Test
    void unknownLinkTypeWarnsOnceNamingItsNumber() {
        feed(147, new byte[] {1, 2, 3});
        feed(147, new byte[] {1, 2, 3});
        assertEquals(2, engine.packets());
        assertEquals(0, engine.flowCount());
        List<String> warnings = engine.warnings();
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("147"), warnings.get(0));
    }

    @Test
    void directionsCarryingDifferentVlansAreOneConversation() {
        feed(ETHERNET, ethernetTagged(IPV4, ipv4(6, "10.0.80.1", "10.0.81.1", tcp(40000, 389, 0, 0, 0x02, new byte[0])), 80));
        feed(ETHERNET, ethernetTagged(IPV4, ipv4(6, "10.0.81.1", "10.0.80.1", tcp(389, 40000, 0, 1, 0x12, new byte[0])), 81));
        feed(ETHERNET, ethernetTagged(IPV4, ipv4(6, "10.0.81.1", "10.0.80.1", tcp(389, 40000, 1, 1, 0x10, new byte[0])), 81));
        Flow f = only();
        assertEquals(2, f.reverse().packets());
        assertEquals(80, f.key().outerVlan());
    }

    @Test
    void addressesAreCanonicalInTheKey() {
        feed(ETHERNET, ethernet(IPV4, ipv4(17, "10.0.0.9", "10.0.0.1", udp(9, 1, new byte[0]))));
        FlowKey key = only().key();
        assertArrayEquals(ip("10.0.0.1"), key.addressA());
        assertEquals(1, key.portA());
        assertEquals(FlowKey.of(17, ip("10.0.0.1"), 1, ip("10.0.0.9"), 9, -1, -1), key);
    }
}
