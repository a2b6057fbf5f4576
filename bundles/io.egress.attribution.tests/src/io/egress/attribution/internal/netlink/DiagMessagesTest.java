package io.egress.attribution.internal.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.egress.core.net.IpAddresses;
import io.egress.core.socket.IpFamily;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;
import io.egress.core.socket.SocketState;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** sock_diag request building and answer parsing against bytes captured from a real kernel (tcp6-sock-diag.hex). */
class DiagMessagesTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final int LISTEN_PORT = 37847;
    private static final int CLIENT_PORT = 51134;

    private static List<String> lines;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = DiagMessagesTest.class.getResourceAsStream("tcp6-sock-diag.hex")) {
            lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().filter(l -> !l.startsWith("#")).toList();
        }
    }

    private static List<byte[]> field(String name) {
        return lines.stream().filter(l -> l.startsWith(name + " ")).map(l -> HexFormat.of().parseHex(l.substring(name.length() + 1))).toList();
    }

    private static int seq(String name) {
        return Integer.parseInt(lines.stream().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow().split(" ")[1]);
    }

    @Test
    void dumpRequestMatchesCapturedBytes() {
        int states = (1 << SocketState.LISTEN.tcpCode()) | (1 << SocketState.ESTABLISHED.tcpCode());
        byte[] built = DiagRequest.dump(DiagRequest.AF_INET6, DiagRequest.IPPROTO_TCP, states, seq("dump-seq"), LE);
        assertArrayEquals(field("dump-request").get(0), built);
        assertEquals(72, built.length);
    }

    @Test
    void bothFamiliesTcpDumpIsTheCompatibilityRequest() {
        ByteBuffer b = ByteBuffer.wrap(DiagRequest.dumpTcpBothFamilies(DiagRequest.ALL_STATES, 77, LE)).order(LE);
        assertEquals(76, b.capacity());
        assertEquals(76, b.getInt(0)); // nlmsg_len: header + struct inet_diag_req
        assertEquals(18, b.getShort(4)); // TCPDIAG_GETSOCK
        assertEquals(0x301, b.getShort(6)); // NLM_F_REQUEST | NLM_F_DUMP
        assertEquals(77, b.getInt(8));
        assertEquals(-1, b.getInt(16 + 4 + 40)); // INET_DIAG_NOCOOKIE
        assertEquals(DiagRequest.ALL_STATES, b.getInt(16 + 52)); // idiag_states after the 48-byte socket id
        assertEquals(0, b.getInt(16 + 56));
    }

    @Test
    void answersToTheCompatibilityRequestParseLikeTheOthers() throws NetlinkException {
        List<byte[]> datagrams = field("dump-response");
        byte[] first = datagrams.get(0).clone();
        ByteBuffer b = ByteBuffer.wrap(first).order(LE);
        for (int at = 0; at + 16 <= first.length; at += (b.getInt(at) + 3) & ~3) {
            b.putShort(at + 4, (short) 18); // as the kernel types the answers to TCPDIAG_GETSOCK
        }
        List<DiagRecord> records = new ArrayList<>();
        new DiagResponseParser(LE).parse(ByteBuffer.wrap(first), seq("dump-seq"), records);
        List<DiagRecord> expected = new ArrayList<>();
        new DiagResponseParser(LE).parse(ByteBuffer.wrap(datagrams.get(0)), seq("dump-seq"), expected);
        assertEquals(expected.size(), records.size());
        assertEquals(expected.get(0).inode(), records.get(0).inode());
    }

    @Test
    void exactRequestMatchesCapturedBytes() throws IOException {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        byte[] built = DiagRequest.exact(DiagRequest.AF_INET6, DiagRequest.IPPROTO_TCP, lo, CLIENT_PORT, lo, LISTEN_PORT,
                seq("exact-seq"), LE);
        assertArrayEquals(field("exact-request").get(0), built);
    }

    @Test
    void dumpAnswerParsesToTheThreeSockets() throws NetlinkException {
        DiagResponseParser parser = new DiagResponseParser(LE);
        List<DiagRecord> records = new ArrayList<>();
        List<byte[]> datagrams = field("dump-response");
        assertEquals(DiagResponseParser.Status.MORE, parser.parse(ByteBuffer.wrap(datagrams.get(0)), seq("dump-seq"), records));
        assertEquals(DiagResponseParser.Status.DONE, parser.parse(ByteBuffer.wrap(datagrams.get(1)), seq("dump-seq"), records));
        assertEquals(3, records.size());

        SocketEntry listener = NetlinkSocketLister.toEntry(records.get(0), Protocol.TCP);
        assertEquals(SocketState.LISTEN, listener.state());
        assertEquals(23918L, listener.inode());
        assertEquals(LISTEN_PORT, listener.localPort());
        assertEquals(IpFamily.IPV4, listener.family());
        assertEquals("127.0.0.1", IpAddresses.format(listener.localAddress()));
        assertEquals("0.0.0.0", IpAddresses.format(listener.remoteAddress()));
        assertEquals(0, listener.uid());

        SocketEntry client = NetlinkSocketLister.toEntry(records.get(2), Protocol.TCP);
        assertEquals(SocketState.ESTABLISHED, client.state());
        assertEquals(23919L, client.inode());
        assertEquals(CLIENT_PORT, client.localPort());
        assertEquals(LISTEN_PORT, client.remotePort());
        assertEquals(23920L, NetlinkSocketLister.toEntry(records.get(1), Protocol.TCP).inode());
    }

    @Test
    void exactAnswerIsOneRecordThenAcknowledgement() throws NetlinkException {
        DiagResponseParser parser = new DiagResponseParser(LE);
        List<DiagRecord> records = new ArrayList<>();
        List<byte[]> datagrams = field("exact-response");
        assertEquals(DiagResponseParser.Status.MORE, parser.parse(ByteBuffer.wrap(datagrams.get(0)), seq("exact-seq"), records));
        assertEquals(DiagResponseParser.Status.DONE, parser.parse(ByteBuffer.wrap(datagrams.get(1)), seq("exact-seq"), records));
        assertEquals(1, records.size());
        assertEquals(23919L, records.get(0).inode());
    }

    @Test
    void kernelErrorBecomesExceptionWithErrno() {
        ByteBuffer error = ByteBuffer.allocate(36).order(LE);
        error.putInt(36).putShort((short) 2).putShort((short) 0).putInt(7).putInt(0).putInt(-2);
        error.position(36); // the echoed request header stays zero
        List<DiagRecord> none = new ArrayList<>();
        NetlinkException e = assertThrows(NetlinkException.class,
                () -> new DiagResponseParser(LE).parse(error.flip(), 7, none));
        assertEquals(2, e.errno());
    }

    @Test
    void answersToOtherRequestsAreIgnored() throws NetlinkException {
        List<DiagRecord> records = new ArrayList<>();
        new DiagResponseParser(LE).parse(ByteBuffer.wrap(field("dump-response").get(0)), 99, records);
        assertEquals(0, records.size());
    }

    @Test
    void truncatedMessageIsRejected() {
        byte[] d = field("dump-response").get(0);
        ByteBuffer cut = ByteBuffer.wrap(d, 0, 100);
        assertThrows(NetlinkException.class, () -> new DiagResponseParser(LE).parse(cut, seq("dump-seq"), new ArrayList<>()));
    }
}
