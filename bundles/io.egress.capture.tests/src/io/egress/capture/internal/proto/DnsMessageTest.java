package io.egress.capture.internal.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Expected values from tshark 4.0.17 ({@code -Y dns -T fields -e dns.qry.name -e dns.a -e dns.cname -e dns.resp.ttl ...}). */
class DnsMessageTest {

    private static CapturePackets.Segment frame(String file, int number) throws Exception {
        return CapturePackets.segments(file).stream().filter(s -> s.frameNumber() == number).findFirst().orElseThrow();
    }

    private static DnsMessage parse(CapturePackets.Segment s) throws ProtocolParseException {
        return DnsMessage.parse(s.payload(), 0, s.payload().length);
    }

    @Test
    void queryFromTcpdumpSample() throws Exception {
        DnsMessage query = parse(frame("tcpdump-dns_udp.pcap", 1));
        assertFalse(query.response());
        assertEquals(List.of(new DnsMessage.Question("www.tcpdump.org", DnsMessage.TYPE_A, 1)), query.questions());
        assertTrue(query.error().isEmpty());
    }

    @Test
    void answerWithAuthorityAndGlueFromTcpdumpSample() throws Exception {
        DnsMessage answer = parse(frame("tcpdump-dns_udp.pcap", 2));
        assertTrue(answer.response());
        assertEquals(0, answer.rcode());
        assertEquals(9, answer.records().size()); // 2 answers, 2 NS, 5 additional incl. OPT
        List<DnsMessage.AddressName> names = answer.addressNames();
        assertEquals(List.of(
                new DnsMessage.AddressName(InetAddress.getByName("192.139.46.66"), "www.tcpdump.org", "www.tcpdump.org", 60),
                new DnsMessage.AddressName(InetAddress.getByName("198.199.88.104"), "www.tcpdump.org", "www.tcpdump.org", 60)),
                names, "only the answer section names addresses");
        DnsMessage.ResourceRecord glue = answer.records().get(5);
        assertEquals(DnsMessage.Section.ADDITIONAL, glue.section());
        assertEquals("nic.sandelman.ca", glue.name());
        assertEquals(DnsMessage.TYPE_AAAA, glue.type());
        assertEquals(300, glue.ttl());
        assertEquals(InetAddress.getByName("2607:f0b0:f::babe:f00d"), glue.address().orElseThrow());
        assertEquals(".", answer.records().get(8).name());
        assertEquals(DnsMessage.TYPE_OPT, answer.records().get(8).type());
        assertEquals(86400, answer.records().get(2).ttl());
    }

    @Test
    void cnameChainMapsTheAddressToTheAskedName() throws Exception {
        DnsMessage upload = parse(frame("zeek-wikipedia.pcap", 21));
        assertEquals("upload.wikimedia.org", upload.firstQueryName().orElseThrow());
        assertEquals(List.of(new DnsMessage.AddressName(InetAddress.getByName("208.80.152.3"),
                "upload.pmtpa.wikimedia.org", "upload.wikimedia.org", 2156)), upload.addressNames());
        assertEquals("upload.pmtpa.wikimedia.org", upload.records().get(0).target().orElseThrow());
        assertEquals(124, upload.records().get(0).ttl());

        // two CNAMEs: meta -> text -> text.pmtpa -> 208.80.152.2
        DnsMessage meta = parse(frame("zeek-wikipedia.pcap", 49));
        assertEquals(List.of(new DnsMessage.AddressName(InetAddress.getByName("208.80.152.2"),
                "text.pmtpa.wikimedia.org", "meta.wikimedia.org", 2141)), meta.addressNames());
        assertEquals(List.of(723L, 593L, 2141L), meta.records().stream().limit(3).map(DnsMessage.ResourceRecord::ttl).toList());
    }

    @Test
    void everyDnsPacketOfWikipediaParsesCompletely() throws Exception {
        int messages = 0;
        for (CapturePackets.Segment s : CapturePackets.udp("zeek-wikipedia.pcap", 53)) {
            DnsMessage m = parse(s);
            assertTrue(m.error().isEmpty(), s + ": " + m.error());
            assertEquals(1, m.questions().size());
            messages++;
        }
        assertEquals(28, messages); // tshark -Y dns | wc -l
    }

    @Test
    void hourlyRandomNamesKeepTheirCase() throws Exception {
        List<String> names = CapturePackets.udp("zeek-ticks-dns-1hr.pcap", 53).stream()
                .map(s -> parseUnchecked(s).firstQueryName().orElseThrow()).toList();
        assertEquals("QfhHbbMvRk.de", names.get(0));
        assertEquals("DiIJZRCxGs.de", names.get(names.size() - 1));
        assertEquals(10, names.size());
    }

    @Test
    void txtAnswerOverIpv6KeepsTheDataLength() throws Exception {
        DnsMessage m = parse(frame("zeek-ipv6-fragmented-dns.pcap", 2));
        assertEquals(DnsMessage.TYPE_TXT, m.questions().get(0).type());
        assertEquals("txtpadding_323.n1.netalyzr.icsi.berkeley.edu", m.questions().get(0).name());
        assertEquals(List.of(193, 17, 0, 4), m.records().stream().map(DnsMessage.ResourceRecord::dataLength).toList());
        assertEquals(List.of(16, 2, 41, 1), m.records().stream().map(DnsMessage.ResourceRecord::type).toList());
    }

    @Test
    void tcpFramingAndByteBufferEntryPoints() throws Exception {
        byte[] udp = frame("tcpdump-dns_udp.pcap", 2).payload();
        byte[] tcp = new byte[udp.length + 2 + 5];
        tcp[0] = (byte) (udp.length >>> 8);
        tcp[1] = (byte) udp.length;
        System.arraycopy(udp, 0, tcp, 2, udp.length); // trailing bytes: the start of a next message
        DnsMessage viaTcp = DnsMessage.parseTcp(tcp, 0, tcp.length);
        assertEquals(DnsMessage.parse(udp, 0, udp.length), viaTcp);
        ByteBuffer direct = ByteBuffer.allocateDirect(udp.length).put(udp).flip();
        assertEquals(viaTcp, DnsMessage.parse(direct));
        ProtocolParseException cut = org.junit.jupiter.api.Assertions.assertThrows(ProtocolParseException.class,
                () -> DnsMessage.parseTcp(tcp, 0, 100));
        assertTrue(cut.isTruncated());
    }

    // ---- hostile input ----

    /** A header with the given counts followed by {@code body}. */
    private static byte[] message(int qd, int an, int ns, int ar, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { 0x12, 0x34, (byte) 0x81, (byte) 0x80, (byte) (qd >>> 8), (byte) qd, (byte) (an >>> 8), (byte) an,
                (byte) (ns >>> 8), (byte) ns, (byte) (ar >>> 8), (byte) ar });
        out.writeBytes(body);
        return out.toByteArray();
    }

    @Test
    void compressionPointerToItselfIsRejected() {
        byte[] loop = message(1, 0, 0, 0, HostileInputs.unhex("c00c 0001 0001"));
        HostileInputs.expectParseException(DnsMessage::parse, loop, "dns.question.name");
    }

    @Test
    void compressionPointersForwardAndInACycleAreRejected() throws Exception {
        // question "a" + pointer forward to 0x14, where a pointer goes back to 0x0c: a two-step cycle
        byte[] cycle = message(1, 0, 0, 0, HostileInputs.unhex("01 61 c0 14 0001 0001 c0 0c"));
        HostileInputs.expectParseException(DnsMessage::parse, cycle, "dns.question.name");
        // answer whose owner name is a backwards pointer to the question: legal, and the usual case
        byte[] ok = message(1, 1, 0, 0, HostileInputs.unhex("01 61 00 0001 0001  c0 0c 0001 0001 0000003c 0004 0a000001"));
        DnsMessage m = DnsMessage.parse(ok, 0, ok.length);
        assertEquals("a", m.records().get(0).name());
        assertEquals(InetAddress.getByName("10.0.0.1"), m.addressNames().get(0).address());
    }

    @Test
    void labelLengthsOf64AndAboveAndLongNamesAreRejected() {
        byte[] label64 = new byte[1 + 64 + 1 + 4];
        label64[0] = 64; // 0x40: the obsolete extended label type
        HostileInputs.expectParseException(DnsMessage::parse, message(1, 0, 0, 0, label64), "dns.question.name");

        ByteArrayOutputStream longName = new ByteArrayOutputStream();
        for (int i = 0; i < 5; i++) { // 5 x 64 bytes > 255
            longName.write(63);
            longName.writeBytes(new byte[63]);
        }
        longName.writeBytes(new byte[] { 0, 0, 1, 0, 1 });
        HostileInputs.expectParseException(DnsMessage::parse, message(1, 0, 0, 0, longName.toByteArray()), "dns.question.name");
    }

    @Test
    void countsClaiming65535RecordsKeepWhatIsThere() throws Exception {
        byte[] claim = message(1, 65535, 65535, 65535, HostileInputs.unhex("01 61 00 0001 0001  c0 0c 0001 0001 0000003c 0004 0a000001"));
        DnsMessage m = DnsMessage.parse(claim, 0, claim.length);
        assertEquals(1, m.records().size());
        assertTrue(m.error().orElseThrow().isTruncated());
        HostileInputs.expectParseException(DnsMessage::parse, message(65535, 0, 0, 0, new byte[0]), "dns.question.name");
    }

    @Test
    void ipv4MappedAaaaStaysIpv6() throws Exception {
        byte[] m = message(1, 1, 0, 0, HostileInputs.unhex("01 61 00 001c 0001  c0 0c 001c 0001 0000003c 0010 00000000000000000000ffffc0000201"));
        InetAddress a = DnsMessage.parse(m, 0, m.length).addressNames().get(0).address();
        assertTrue(a instanceof java.net.Inet6Address, a.toString());
        assertEquals(16, a.getAddress().length);
    }

    @Test
    void oddBytesInLabelsAreEscaped() throws Exception {
        byte[] odd = message(1, 0, 0, 0, HostileInputs.unhex("03 612e0a 00 0010 0001"));
        assertEquals("a\\046\\010", DnsMessage.parse(odd, 0, odd.length).questions().get(0).name());
    }

    @Test
    void cnameLoopInAnswersEndsTheWalk() throws Exception {
        // a CNAME b, b CNAME a, b A 10.0.0.1
        byte[] loop = message(1, 3, 0, 0, HostileInputs.unhex("01 61 00 0001 0001"
                + "c0 0c 0005 0001 0000003c 0004 01 62 00 00"
                + "01 62 00 0005 0001 0000003c 0002 c0 0c"
                + "c0 23 0001 0001 0000003c 0004 0a000001"));
        DnsMessage m = DnsMessage.parse(loop, 0, loop.length);
        assertTrue(m.error().isEmpty(), m.error().toString());
        assertEquals(1, m.addressNames().size());
        assertEquals("a", m.addressNames().get(0).queriedName());
    }

    @Test
    void truncationsAndMutantsOfRealMessagesOnlyEverThrowParseExceptions() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(frame("tcpdump-dns_udp.pcap", 2).payload());
        seeds.add(frame("zeek-wikipedia.pcap", 49).payload());
        seeds.add(frame("zeek-ipv6-fragmented-dns.pcap", 2).payload());
        int tried = HostileInputs.assertOnlyParseExceptions(seeds, 5000, (d, o, l) -> {
            DnsMessage m = DnsMessage.parse(d, o, l);
            m.addressNames();
        });
        assertTrue(tried > 5000);
        HostileInputs.assertOnlyParseExceptions(seeds, 1000, DnsMessage::parseTcp);
    }

    private static DnsMessage parseUnchecked(CapturePackets.Segment s) {
        try {
            return parse(s);
        } catch (ProtocolParseException e) {
            throw new AssertionError(e);
        }
    }
}
