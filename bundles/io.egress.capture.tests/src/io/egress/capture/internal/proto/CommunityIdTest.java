package io.egress.capture.internal.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known answers from tshark 4.0.17 ({@code --enable-protocol communityid -e communityid}) on the shared captures. */
class CommunityIdTest {

    @ParameterizedTest(name = "{0} {1}:{3} -> {2}:{4} proto {5}")
    @CsvSource(delimiter = '|', textBlock = """
            tcpdump-dns_udp.pcap        | 192.168.1.11                         | 209.87.249.18                        | 43966 | 53    | 17  | 1:OBOqRVFrvo3F8pH3uiQTx4SF+sA=
            zeek-tls-conn-with-extensions.pcap | 192.168.1.105                 | 74.125.224.79                        | 62045 | 443   | 6   | 1:gVXAJk4D+K0d9AuM3GOTjJP6cEw=
            zeek-icmp-5-pings.pcap      | 172.16.133.2                         | 172.217.11.78                        | 8     | 0     | 1   | 1:gp8b/PCBmrLjQ2f9cKsFjc1+900=
            zeek-icmp-destunreach-udp.pcap | 192.168.1.102                     | 192.168.1.1                          | 3     | 3     | 1   | 1:GGvyj18dEx42K7edkkcDklsnKqs=
            tcpdump-quic_handshake.pcap | ::1                                  | ::1                                  | 50606 | 443   | 17  | 1:vYbrpsWefx40vZCHidkCXUVWvWs=
            zeek-ipv6-fragmented-dns.pcap | 2001:470:1f11:81f:d138:5f55:6d4:1fe2 | 2607:f740:b::f93                   | 51850 | 53    | 17  | 1:RFi26uxdTiJNmfOvQr7IFNZsfyo=
            zeek-ipv6-http-atomic-frag.pcap | 2001:db8:1::1                    | 2001:db8:1::2                        | 136   | 0     | 58  | 1:on65FKMd1L8JTxiqb1eHl08W6vY=
            zeek-ipv6-http-atomic-frag.pcap | 2001:db8:1::2                    | ff02::1:ff00:1                       | 135   | 0     | 58  | 1:1xcy2WHsKWPsze9lcUH+U6VVX5A=
            zeek-linux_dlt_sll2.pcap    | fe80::8c36:6ff:fe44:acaf             | fe80::8c36:6ff:fe44:acaf             | 128   | 0     | 58  | 1:2o441oYbBWeMqdxZkThmRXTrrVU=
            zeek-linux_dlt_sll2.pcap    | 192.0.2.1                            | 192.0.2.1                            | 8     | 0     | 1   | 1:VvzjLzIppyRTdjrTPqO6X5e/Sj8=
            zeek-wikipedia.pcap         | fe80::217:f2ff:fed7:cf65             | ff02::fb                             | 5353  | 5353  | 17  | 1:x3pq7frK9StTrthbkS6YyCZvdGk=
            libpcap-ipv6_ext_headers.pcap | 2001:db8::1                        | 2001:db8::2                          | 12345 | 54321 | 17  | 1:OsoxryFDgvSt1WDFMuA9dgW2Lpg=
            """)
    void matchesTsharkInBothDirections(String file, String src, String dst, int sport, int dport, int proto,
            String expected) throws Exception {
        byte[] a = InetAddress.getByName(src).getAddress();
        byte[] b = InetAddress.getByName(dst).getAddress();
        assertEquals(expected, CommunityId.v1(0, a, b, proto, sport, dport), file);
        if (proto == CommunityId.PROTO_TCP || proto == CommunityId.PROTO_UDP) {
            assertEquals(expected, CommunityId.v1(0, b, a, proto, dport, sport), "reverse direction");
        }
    }

    @Test
    void icmpEchoReplyGetsTheRequestsId() throws Exception {
        byte[] host = InetAddress.getByName("172.16.133.2").getAddress();
        byte[] google = InetAddress.getByName("172.217.11.78").getAddress();
        // tshark shows the same id on request (type 8) and reply (type 0).
        assertEquals("1:gp8b/PCBmrLjQ2f9cKsFjc1+900=", CommunityId.v1(0, google, host, 1, 0, 0));
        byte[] ll = InetAddress.getByName("fe80::8c36:6ff:fe44:acaf").getAddress();
        assertEquals("1:2o441oYbBWeMqdxZkThmRXTrrVU=", CommunityId.v1(0, ll, ll, 58, 129, 0));
    }

    @Test
    void seedChangesTheHashAsTsharkDoes() throws Exception {
        byte[] a = InetAddress.getByName("192.168.1.11").getAddress();
        byte[] b = InetAddress.getByName("209.87.249.18").getAddress();
        // tshark -o communityid.seed:1
        assertEquals("1:YX2PMmbsxMtC0F/K1IOau0+aouU=", CommunityId.v1(1, a, b, 17, 43966, 53));
    }

    @Test
    void everyUdpAndTcpFlowOfACaptureMatchesInBothDirections() throws Exception {
        CommunityId hasher = new CommunityId(0);
        List<CapturePackets.Segment> dns = CapturePackets.udp("zeek-wikipedia.pcap", 53);
        for (CapturePackets.Segment s : dns) {
            String forward = hasher.of(s.src(), s.dst(), s.protocol(), s.srcPort(), s.dstPort());
            String reverse = hasher.of(s.dst(), s.src(), s.protocol(), s.dstPort(), s.srcPort());
            assertEquals(forward, reverse, s.toString());
        }
        // one spot check from tshark: 141.142.220.118:32902 <-> 141.142.2.2:53
        byte[] client = InetAddress.getByName("141.142.220.118").getAddress();
        byte[] server = InetAddress.getByName("141.142.2.2").getAddress();
        assertEquals("1:kVUgkt1+C+awr4v+pkCBD1dIAyA=", hasher.of(client, server, 17, 32902, 53));
    }

    @Test
    void mixedAddressFamiliesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CommunityId.v1(0, new byte[4], new byte[16], 6, 1, 2));
    }
}
