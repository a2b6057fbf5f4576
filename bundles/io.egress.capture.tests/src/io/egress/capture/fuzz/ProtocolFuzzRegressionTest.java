package io.egress.capture.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.egress.capture.internal.proto.DnsMessage;
import io.egress.capture.internal.proto.HttpRequest;
import io.egress.capture.internal.proto.ProtocolParseException;
import io.egress.capture.internal.proto.QuicClientHelloAssembler;
import io.egress.capture.internal.proto.QuicInitial;
import io.egress.capture.internal.proto.TlsClientHello;

/**
 * The fuzz targets dns, tls, quic and http (releng/fuzz/fuzz): the hostile inputs their mutators aim
 * at, built here by code: compression loops, label counts and name lengths over the limits, length
 * fields set to 0, -1 (0xffff...) and huge. Each must be refused with a {@link ProtocolParseException}
 * naming the field and offset, in bounded time. No input of these targets crashed or hung in the
 * fuzz runs recorded in the README.
 */
class ProtocolFuzzRegressionTest {
    private static final Duration BOUND = Duration.ofSeconds(2);

    private interface Parse {
        Object run() throws ProtocolParseException;
    }

    private static ProtocolParseException refused(Parse parse) {
        return assertTimeoutPreemptively(BOUND, () -> assertThrows(ProtocolParseException.class, parse::run));
    }

    // ---- DNS ----

    private static ByteBuffer dnsHeader(int questions, int answers) {
        ByteBuffer b = ByteBuffer.allocate(4096);
        b.putShort((short) 0x1234).putShort((short) 0x8180).putShort((short) questions).putShort((short) answers).putInt(0);
        return b;
    }

    private static byte[] bytes(ByteBuffer b) {
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    @Test
    void dnsCompressionPointerToItselfIsRefused() {
        ByteBuffer b = dnsHeader(1, 0);
        b.put((byte) 0xc0).put((byte) 12).putShort((short) 1).putShort((short) 1); // name = pointer to offset 12 (itself)
        byte[] m = bytes(b);
        ProtocolParseException e = refused(() -> DnsMessage.parse(m, 0, m.length));
        assertTrue(e.field().startsWith("dns."), e.field());
        assertEquals(12, e.offset());
    }

    @Test
    void dnsPointerChainsAndLongNamesAreBounded() {
        // 200 labels of one byte: 400 bytes of name, over the 255 a name may have
        ByteBuffer b = dnsHeader(1, 0);
        for (int i = 0; i < 200; i++) {
            b.put((byte) 1).put((byte) 'a');
        }
        b.put((byte) 0).putShort((short) 1).putShort((short) 1);
        byte[] longName = bytes(b);
        assertTrue(refused(() -> DnsMessage.parse(longName, 0, longName.length)).getMessage().contains("name longer than 255"));

        // a chain of backward pointers, each one label then a pointer to the one before: 300 hops
        ByteBuffer c = dnsHeader(1, 0);
        c.put((byte) 0); // the root name at offset 12
        int previous = 12;
        for (int i = 0; i < 300; i++) {
            int here = c.position();
            c.put((byte) (0xc0 | previous >> 8)).put((byte) previous);
            previous = here;
        }
        int question = c.position();
        c.put((byte) (0xc0 | previous >> 8)).put((byte) previous).putShort((short) 1).putShort((short) 1);
        byte[] chain = bytes(c);
        ByteBuffer header = ByteBuffer.wrap(chain);
        header.putShort(4, (short) 1);
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                DnsMessage.parse(chain, 0, chain.length);
            } catch (ProtocolParseException expected) {
                assertTrue(expected.offset() >= 12 && expected.offset() <= question, expected.getMessage());
            }
        });
    }

    @Test
    void dnsCountsOf65535InAShortMessageAreRefusedNotAllocated() {
        ByteBuffer b = dnsHeader(0xffff, 0xffff);
        byte[] m = bytes(b);
        ProtocolParseException e = refused(() -> DnsMessage.parse(m, 0, m.length));
        assertTrue(e.isTruncated(), e.getMessage());
        // DNS over TCP: a length prefix of 0xffff before 12 bytes
        byte[] tcp = new byte[14];
        tcp[0] = (byte) 0xff;
        tcp[1] = (byte) 0xff;
        refused(() -> DnsMessage.parseTcp(tcp, 0, tcp.length));
    }

    @Test
    void dnsRecordDataLengthBeyondTheMessageKeepsTheRecordsBefore() throws ProtocolParseException {
        ByteBuffer b = dnsHeader(0, 2);
        b.put((byte) 0).putShort((short) DnsMessage.TYPE_A).putShort((short) 1).putInt(60).putShort((short) 4).put(new byte[] {1, 2, 3, 4});
        int bad = b.position();
        b.put((byte) 0).putShort((short) DnsMessage.TYPE_A).putShort((short) 1).putInt(60).putShort((short) 0xffff).put(new byte[4]);
        byte[] m = bytes(b);
        DnsMessage message = DnsMessage.parse(m, 0, m.length);
        assertEquals(1, message.records().size(), "the record before the bad one is kept");
        ProtocolParseException e = message.error().orElseThrow();
        assertEquals("dns.rr.rdata", e.field());
        assertTrue(e.offset() >= bad && e.offset() <= m.length, e.getMessage());
    }

    // ---- TLS ----

    private static byte[] tlsRecord(int recordLength, int handshakeLength, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(9 + body.length);
        b.put((byte) 0x16).putShort((short) 0x0301).putShort((short) recordLength).put((byte) 1)
                .put((byte) (handshakeLength >> 16)).putShort((short) handshakeLength).put(body);
        return b.array();
    }

    @Test
    void tlsRecordAndHandshakeLengthsZeroMinusOneAndHuge() {
        byte[] hello = new byte[40];
        hello[0] = 3;
        hello[1] = 3;
        for (int[] lengths : new int[][] {{0, 0}, {0xffff, 0xffffff}, {44, 0xffffff}, {44, 0}, {0xffff, 40}}) {
            byte[] r = tlsRecord(lengths[0], lengths[1], hello);
            assertTimeoutPreemptively(BOUND, () -> {
                try {
                    TlsClientHello.parse(r, 0, r.length);
                    throw new AssertionError("accepted record " + lengths[0] + "/" + lengths[1]);
                } catch (ProtocolParseException expected) {
                    assertFalse(expected.field().isEmpty());
                }
            });
        }
        byte[] handshake = java.util.Arrays.copyOfRange(tlsRecord(44, 0xffffff, hello), 5, 49);
        refused(() -> TlsClientHello.parseHandshake(handshake, 0, handshake.length));
    }

    @Test
    void tlsExtensionLengthsBeyondTheHelloAreRefused() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {3, 3});
        body.writeBytes(new byte[32]); // random
        body.write(0); // session id
        body.writeBytes(new byte[] {0, 2, 0x13, 0x01}); // one cipher suite
        body.writeBytes(new byte[] {1, 0}); // null compression
        body.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff}); // extensions: 65535 bytes announced
        body.writeBytes(new byte[] {0, 0, (byte) 0xff, (byte) 0xf0}); // server_name of 65520 bytes
        byte[] b = body.toByteArray();
        byte[] r = tlsRecord(b.length + 4, b.length, b);
        ProtocolParseException e = refused(() -> TlsClientHello.parse(r, 0, r.length));
        assertTrue(e.offset() >= 0 && e.offset() <= r.length, e.getMessage());
    }

    // ---- QUIC ----

    private static byte[] quicInitial(int dcidLength, long tokenLength, long packetLength) {
        ByteBuffer b = ByteBuffer.allocate(1200);
        b.put((byte) 0xc0).putInt(1).put((byte) dcidLength).put(new byte[Math.min(dcidLength, 255)]).put((byte) 0);
        b.putLong(0xc000_0000_0000_0000L | tokenLength);
        b.putLong(0xc000_0000_0000_0000L | packetLength);
        return b.array();
    }

    @Test
    void quicConnectionIdTokenAndPacketLengthsOverTheLimitsAreRefused() {
        for (byte[] datagram : new byte[][] {quicInitial(255, 0, 1000), quicInitial(8, (1L << 62) - 1, 1000),
                quicInitial(8, 0, (1L << 62) - 1), quicInitial(8, 0, 0)}) {
            assertTimeoutPreemptively(BOUND, () -> {
                try {
                    QuicInitial.decryptClientInitials(datagram, 0, datagram.length);
                } catch (ProtocolParseException expected) {
                    assertFalse(expected.field().isEmpty());
                }
                QuicClientHelloAssembler assembler = new QuicClientHelloAssembler();
                for (int i = 0; i < 100; i++) {
                    try {
                        assembler.offer(datagram, 0, datagram.length);
                    } catch (ProtocolParseException expected) {
                        // each datagram on its own
                    }
                }
                assertTrue(assembler.result().isEmpty());
            });
        }
    }

    // ---- HTTP ----

    @Test
    void httpLineLengthsAndHeaderCountsOverTheLimitsAreRefused() {
        byte[] longLine = ("GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                HttpRequest r = HttpRequest.parse(longLine, 0, longLine.length);
                assertTrue(r.host().isEmpty() || r.host().get().equals("x"));
            } catch (ProtocolParseException expected) {
                assertTrue(expected.field().startsWith("http"), expected.field());
            }
        });
        StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\n");
        for (int i = 0; i < 500; i++) {
            many.append("X-").append(i).append(": y\r\n");
        }
        many.append("Host: late.example\r\n\r\n");
        byte[] headers = many.toString().getBytes(StandardCharsets.ISO_8859_1);
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                HttpRequest.parse(headers, 0, headers.length);
            } catch (ProtocolParseException expected) {
                assertTrue(expected.offset() <= headers.length);
            }
        });
        byte[] nul = "GET / HTTP/1.1\r\nHost: a\u0000b\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                HttpRequest.parse(nul, 0, nul.length).toString();
            } catch (ProtocolParseException expected) {
                // refused is fine too
            }
        });
    }
}
