package io.egress.capture.internal.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Expected values from tshark 4.0.17 ({@code -e tls.handshake.extensions_server_name -e tls.handshake.extensions_alpn_str}). */
class TlsClientHelloTest {

    static byte[] clientHelloPayload(String file) throws Exception {
        return CapturePackets.tcpWithPayload(file, 443).stream().filter(s -> s.dstPort() == 443).findFirst()
                .orElseThrow().payload();
    }

    @Test
    void sniWithoutAlpn() throws Exception {
        byte[] p = clientHelloPayload("zeek-tls-conn-with-extensions.pcap");
        TlsClientHello hello = TlsClientHello.parse(p, 0, p.length);
        assertEquals(Optional.of("ssl.gstatic.com"), hello.serverName());
        assertEquals(List.of(), hello.alpn());
        assertTrue(TlsClientHello.looksLikeHandshakeRecord(p, 0, p.length));
    }

    @Test
    void sniAndAlpnOverSll2() throws Exception {
        byte[] p = clientHelloPayload("zeek-tls-openjdk-zeek.org-sll2.pcap");
        TlsClientHello hello = TlsClientHello.parse(ByteBuffer.wrap(p));
        assertEquals(Optional.of("zeek.org"), hello.serverName());
        assertEquals(List.of("h2", "http/1.1"), hello.alpn());
        assertEquals(0x0303, hello.legacyVersion());
    }

    @Test
    void clientHelloSplitOverTwoRecordsIsJoined() throws Exception {
        byte[] p = clientHelloPayload("zeek-tls-openjdk-zeek.org-sll2.pcap");
        int recordLength = (p[3] & 0xff) << 8 | p[4] & 0xff;
        int firstPart = 50;
        byte[] split = new byte[p.length + 5];
        System.arraycopy(p, 0, split, 0, 5 + firstPart);
        split[3] = 0;
        split[4] = (byte) firstPart;
        int second = recordLength - firstPart;
        split[5 + firstPart] = 22;
        split[6 + firstPart] = 3;
        split[7 + firstPart] = 3;
        split[8 + firstPart] = (byte) (second >>> 8);
        split[9 + firstPart] = (byte) second;
        System.arraycopy(p, 5 + firstPart, split, 10 + firstPart, p.length - 5 - firstPart);
        TlsClientHello hello = TlsClientHello.parse(split, 0, split.length);
        assertEquals(Optional.of("zeek.org"), hello.serverName());
        assertEquals(List.of("h2", "http/1.1"), hello.alpn());
    }

    @Test
    void aSegmentWithOnlyTheStartIsReportedAsTruncated() throws Exception {
        byte[] p = clientHelloPayload("zeek-tls-conn-with-extensions.pcap");
        ProtocolParseException e = assertThrows(ProtocolParseException.class, () -> TlsClientHello.parse(p, 0, 100));
        assertTrue(e.isTruncated(), e.getMessage());
    }

    @Test
    void otherTrafficIsRejectedClearly() {
        byte[] http = "GET / HTTP/1.1\r\n\r\n".getBytes();
        assertFalse(TlsClientHello.looksLikeHandshakeRecord(http, 0, http.length));
        ProtocolParseException e = assertThrows(ProtocolParseException.class, () -> TlsClientHello.parse(http, 0, http.length));
        assertEquals("tls.record.type", e.field());
        assertFalse(e.isTruncated());
    }

    @Test
    void truncationsAndMutantsOnlyEverThrowParseExceptions() throws Exception {
        List<byte[]> seeds = List.of(clientHelloPayload("zeek-tls-conn-with-extensions.pcap"),
                clientHelloPayload("zeek-tls-openjdk-zeek.org-sll2.pcap"));
        HostileInputs.assertOnlyParseExceptions(seeds, 5000, TlsClientHello::parse);
        // the bare handshake message too, as QUIC hands it over
        List<byte[]> handshakes = seeds.stream().map(s -> Arrays.copyOfRange(s, 5, s.length)).toList();
        HostileInputs.assertOnlyParseExceptions(handshakes, 3000, TlsClientHello::parseHandshake);
    }
}
