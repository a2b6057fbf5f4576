package io.egress.capture.internal.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Expected SNI and ALPN from tshark 4.0.17
 * ({@code tshark -r F -Y quic -T fields -e tls.handshake.extensions_server_name -e tls.handshake.extensions_alpn_str}),
 * key vectors from RFC 9001 A.1 and RFC 9369 A.1.
 */
class QuicInitialTest {

    private static final byte[] RFC_DCID = HostileInputs.unhex("8394c8f03e515708");

    private static byte[] firstClientDatagram(String file) throws Exception {
        return CapturePackets.udp(file, 443).stream().filter(s -> s.dstPort() == 443).findFirst().orElseThrow().payload();
    }

    private static Optional<TlsClientHello> helloOf(byte[] datagram) throws ProtocolParseException {
        return new QuicClientHelloAssembler().offer(datagram, 0, datagram.length);
    }

    @Test
    void initialKeysMatchTheRfcVectors() {
        QuicInitialKeys v1 = QuicInitialKeys.client(QuicInitial.VERSION_1, RFC_DCID, 0, RFC_DCID.length);
        assertArrayEquals(HostileInputs.unhex("1f369613dd76d5467730efcbe3b1a22d"), v1.key());
        assertArrayEquals(HostileInputs.unhex("fa044b2f42a3fd3b46fb255c"), v1.iv());
        assertArrayEquals(HostileInputs.unhex("9f50449e04a0e810283a1e9933adedd2"), v1.hp());
        QuicInitialKeys v2 = QuicInitialKeys.client(QuicInitial.VERSION_2, RFC_DCID, 0, RFC_DCID.length);
        assertArrayEquals(HostileInputs.unhex("8b1a0bc121284290a29e0971b5cd045d"), v2.key());
        assertArrayEquals(HostileInputs.unhex("91f73e2351d8fa91660e909f"), v2.iv());
        assertArrayEquals(HostileInputs.unhex("45b95e15235d6f45a6b19cbcb0294ba9"), v2.hp());
    }

    @Test
    void localhostHandshakeOverIpv6Loopback() throws Exception {
        byte[] d = firstClientDatagram("tcpdump-quic_handshake.pcap");
        assertTrue(QuicInitial.looksLikeInitial(d, 0, d.length));
        List<QuicInitial> packets = QuicInitial.decryptClientInitials(d, 0, d.length);
        assertEquals(1, packets.size());
        assertArrayEquals(HostileInputs.unhex("84acac06b42ed863"), packets.get(0).destinationConnectionId());
        assertEquals(0, packets.get(0).packetNumber());
        TlsClientHello hello = helloOf(d).orElseThrow();
        assertEquals(Optional.of("localhost"), hello.serverName());
        assertEquals(List.of("h3"), hello.alpn());
    }

    @Test
    void chromiumShuffledCryptoFramesAreReassembled() throws Exception {
        byte[] d = firstClientDatagram("zeek-quic-chromium-google-de-fragmented.pcap");
        QuicInitial packet = QuicInitial.decryptClientInitials(d, 0, d.length).get(0);
        // tshark: quic.crypto.offset 137,0,260,198,225,275,189,72,161,229
        assertEquals(List.of(137L, 0L, 260L, 198L, 225L, 275L, 189L, 72L, 161L, 229L),
                packet.cryptoFrames().stream().map(QuicInitial.CryptoFrame::offset).toList());
        TlsClientHello hello = helloOf(d).orElseThrow();
        assertEquals(Optional.of("www.google.de"), hello.serverName());
        assertEquals(List.of("h3"), hello.alpn());
    }

    @Test
    void merlinBeaconOffersH3WithoutServerName() throws Exception {
        byte[] d = firstClientDatagram("zeek-quic-merlinc2-beacon.pcapng");
        TlsClientHello hello = helloOf(d).orElseThrow();
        assertEquals(Optional.empty(), hello.serverName());
        assertEquals(List.of("h3"), hello.alpn());
    }

    @Test
    void oneAssemblerPerFlowFindsTheHelloOnceAndIgnoresTheRest() throws Exception {
        List<CapturePackets.Segment> client = CapturePackets.udp("zeek-quic-merlinc2-beacon.pcapng", 443).stream()
                .filter(s -> s.dstPort() == 443).toList();
        QuicClientHelloAssembler assembler = new QuicClientHelloAssembler();
        int offered = 0;
        for (CapturePackets.Segment s : client) {
            if (assembler.isDone()) {
                break;
            }
            assembler.offer(s.payload(), 0, s.payload().length);
            offered++;
        }
        // one ClientHello in the whole file (tshark -Y 'tls.handshake.type==1'), in the first datagram
        assertEquals(1, offered);
        assertEquals(List.of("h3"), assembler.result().orElseThrow().alpn());
        assertArrayEquals(HostileInputs.unhex("f21fdf87f736f235846c7f460ca017"),
                assembler.originalDestinationConnectionId().orElseThrow());
    }

    @Test
    void aLaterInitialUsesTheFirstDcidsKeys() throws Exception {
        // tcpdump-quic_handshake frame 5: the client's second Initial, addressed to the server's
        // chosen DCID 51d1e44dc57a579e but protected with the keys of the first DCID 84acac06b42ed863.
        List<CapturePackets.Segment> client = CapturePackets.udp("tcpdump-quic_handshake.pcap", 443).stream()
                .filter(s -> s.dstPort() == 443 && QuicInitial.looksLikeInitial(s.payload(), 0, s.payload().length)).toList();
        byte[] second = client.get(1).payload();
        assertThrows(ProtocolParseException.class, () -> QuicInitial.decryptClientInitials(second, 0, second.length),
                "its own DCID gives the wrong keys");
        QuicPacketDecryptor decryptor = new QuicPacketDecryptor();
        byte[] first = HostileInputs.unhex("84acac06b42ed863");
        List<QuicInitial> packets = decryptor.decryptClientInitials(new ByteCursor(second, 0, second.length),
                Optional.of((version, dcid) -> QuicInitialKeys.client(version, first, 0, first.length)));
        assertEquals(1, packets.get(0).packetNumber());
        assertArrayEquals(HostileInputs.unhex("51d1e44dc57a579e"), packets.get(0).destinationConnectionId());
        assertTrue(packets.get(0).cryptoFrames().isEmpty(), "tshark: frame types ACK and PADDING only");
    }

    /** The Chromium ClientHello, taken from its packet, re-sent over three datagrams in reverse order. */
    @Test
    void clientHelloSpreadOverSeveralInitialsIsAssembled() throws Exception {
        byte[] d = firstClientDatagram("zeek-quic-chromium-google-de-fragmented.pcap");
        byte[] stream = cryptoStream(QuicInitial.decryptClientInitials(d, 0, d.length).get(0));
        byte[] dcid = HostileInputs.unhex("0011223344556677");
        byte[] scid = HostileInputs.unhex("aabbcc");
        int[] cuts = { 0, 100, 200, stream.length };
        QuicClientHelloAssembler assembler = new QuicClientHelloAssembler();
        for (int i = 2; i >= 0; i--) {
            byte[] frame = QuicInitialSealer.cryptoFrame(cuts[i], stream, cuts[i], cuts[i + 1] - cuts[i]);
            byte[] datagram = QuicInitialSealer.seal(QuicInitial.VERSION_1, dcid, dcid, scid, 2 - i, frame, 1162);
            Optional<TlsClientHello> hello = assembler.offer(datagram, 0, datagram.length);
            assertEquals(i == 0, hello.isPresent(), "complete only after the last part");
        }
        assertEquals(Optional.of("www.google.de"), assembler.result().orElseThrow().serverName());
        assertTrue(assembler.isDone());
    }

    @Test
    void version2AndCoalescedPacketsInOneDatagram() throws Exception {
        byte[] d = firstClientDatagram("tcpdump-quic_handshake.pcap");
        byte[] stream = cryptoStream(QuicInitial.decryptClientInitials(d, 0, d.length).get(0));
        byte[] dcid = HostileInputs.unhex("c0ffee00c0ffee00");
        byte[] first = QuicInitialSealer.seal(QuicInitial.VERSION_2, dcid, dcid, new byte[0], 0,
                QuicInitialSealer.cryptoFrame(0, stream, 0, 40), 0);
        byte[] second = QuicInitialSealer.seal(QuicInitial.VERSION_2, dcid, dcid, new byte[0], 1,
                QuicInitialSealer.cryptoFrame(40, stream, 40, stream.length - 40), 1000);
        ByteArrayOutputStream datagram = new ByteArrayOutputStream();
        datagram.writeBytes(first);
        datagram.writeBytes(second);
        byte[] both = datagram.toByteArray();
        assertTrue(QuicInitial.looksLikeInitial(both, 0, both.length));
        List<QuicInitial> packets = QuicInitial.decryptClientInitials(both, 0, both.length);
        assertEquals(2, packets.size());
        assertEquals(QuicInitial.VERSION_2, packets.get(1).version());
        assertEquals(Optional.of("localhost"), helloOf(both).orElseThrow().serverName());
    }

    @Test
    void serverInitialsAndNonQuicAreRejectedClearly() throws Exception {
        byte[] server = CapturePackets.udp("tcpdump-quic_handshake.pcap", 443).stream().filter(s -> s.srcPort() == 443)
                .findFirst().orElseThrow().payload();
        ProtocolParseException e = assertThrows(ProtocolParseException.class,
                () -> QuicInitial.decryptClientInitials(server, 0, server.length));
        assertEquals("quic.payload", e.field());
        byte[] dns = "not quic at all".getBytes();
        assertFalse(QuicInitial.looksLikeInitial(dns, 0, dns.length));
        assertTrue(QuicInitial.decryptClientInitials(dns, 0, dns.length).isEmpty(), "a short header ends the datagram");
    }

    @Test
    void assemblerGivesUpAfterItsBounds() throws Exception {
        byte[] dcid = HostileInputs.unhex("0102030405060708");
        QuicClientHelloAssembler assembler = new QuicClientHelloAssembler();
        byte[] far = new byte[] { 0x06, (byte) 0x80, 0x01, 0x00, 0x00, 0x01, 0x00 }; // CRYPTO at offset 65536
        byte[] datagram = QuicInitialSealer.seal(QuicInitial.VERSION_1, dcid, dcid, new byte[0], 0, far, 1162);
        assertThrows(ProtocolParseException.class, () -> assembler.offer(datagram, 0, datagram.length));
        assertTrue(assembler.isDone());
        assertTrue(assembler.result().isEmpty());
    }

    @Test
    void truncationsAndMutantsOnlyEverThrowParseExceptions() throws Exception {
        List<byte[]> seeds = List.of(firstClientDatagram("tcpdump-quic_handshake.pcap"),
                firstClientDatagram("zeek-quic-chromium-google-de-fragmented.pcap"));
        // Mutants mostly fail authentication; the header parsing before it is what gets exercised.
        HostileInputs.assertOnlyParseExceptions(seeds, 3000, (data, offset, length) -> {
            new QuicClientHelloAssembler().offer(data, offset, length);
        });
        // Behind the AEAD: hostile frames and ClientHellos inside correctly protected packets.
        byte[] d = seeds.get(1);
        byte[] stream = cryptoStream(QuicInitial.decryptClientInitials(d, 0, d.length).get(0));
        byte[] frames = QuicInitialSealer.cryptoFrame(0, stream, 0, stream.length);
        byte[] dcid = HostileInputs.unhex("0102030405060708");
        java.util.Random random = new java.util.Random(9001);
        for (int i = 0; i < 1500; i++) {
            byte[] plain = HostileInputs.mutate(frames, random);
            byte[] datagram = QuicInitialSealer.seal(QuicInitial.VERSION_1, dcid, dcid, new byte[0], i & 0xff, plain, 64);
            try {
                new QuicClientHelloAssembler().offer(datagram, 0, datagram.length);
            } catch (ProtocolParseException expected) {
                // fine
            }
        }
    }

    /** The packet's CRYPTO frames put in order as one byte array (the test data has no gaps). */
    static byte[] cryptoStream(QuicInitial packet) {
        List<QuicInitial.CryptoFrame> frames = new ArrayList<>(packet.cryptoFrames());
        frames.sort(Comparator.comparingLong(QuicInitial.CryptoFrame::offset));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (QuicInitial.CryptoFrame f : frames) {
            assertEquals(out.size(), f.offset());
            out.writeBytes(f.data());
        }
        return out.toByteArray();
    }
}
