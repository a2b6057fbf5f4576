package io.egress.attribution.internal.netlink;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * Captures real sock_diag answers into a hex text fixture for {@link DiagMessagesTest}. Run once
 * on a little-endian Linux machine: {@code java ... NetlinkFixtureCapture <file>}. It opens a
 * loopback listener and a connected pair in this JVM (dual-stack sockets, so the kernel reports
 * them as AF_INET6 with IPv4-mapped addresses), then records a dump of TCP/AF_INET6 limited to
 * LISTEN and ESTABLISHED, and an exact lookup of the client socket. The fixture's comment lines
 * name the ports and inodes the test expects.
 */
public final class NetlinkFixtureCapture {
    private NetlinkFixtureCapture() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 5, lo); Socket client = new Socket()) {
            client.connect(new InetSocketAddress(lo, server.getLocalPort()), 2000);
            try (Socket accepted = server.accept(); NetlinkSocket nl = NetlinkSocket.open()) {
                HexFormat hex = HexFormat.of();
                StringBuilder text = new StringBuilder();
                text.append("# sock_diag capture, little-endian x86_64 Linux ").append(System.getProperty("os.version")).append('\n');
                text.append("# listener 127.0.0.1:").append(server.getLocalPort())
                        .append(" client port ").append(client.getLocalPort()).append('\n');
                int states = (1 << 10) | (1 << 1);
                int seq = nl.nextSequence();
                byte[] dump = DiagRequest.dump(DiagRequest.AF_INET6, DiagRequest.IPPROTO_TCP, states, seq, ByteOrder.LITTLE_ENDIAN);
                text.append("dump-seq ").append(seq).append('\n');
                text.append("dump-request ").append(hex.formatHex(dump)).append('\n');
                for (byte[] d : nl.rawDump(dump, seq)) {
                    text.append("dump-response ").append(hex.formatHex(d)).append('\n');
                }
                seq = nl.nextSequence();
                byte[] exact = DiagRequest.exact(DiagRequest.AF_INET6, DiagRequest.IPPROTO_TCP,
                        InetAddress.getByName("::ffff:127.0.0.1"), client.getLocalPort(),
                        InetAddress.getByName("::ffff:127.0.0.1"), server.getLocalPort(), seq, ByteOrder.LITTLE_ENDIAN);
                text.append("exact-seq ").append(seq).append('\n');
                text.append("exact-request ").append(hex.formatHex(exact)).append('\n');
                for (byte[] d : nl.rawDump(exact, seq)) {
                    text.append("exact-response ").append(hex.formatHex(d)).append('\n');
                }
                for (Path fd : List.of(Path.of("/proc/self/fd"))) {
                    try (var links = Files.list(fd)) {
                        links.forEach(l -> {
                            try {
                                String t = Files.readSymbolicLink(l).toString();
                                if (t.startsWith("socket:")) {
                                    text.append("# fd ").append(l.getFileName()).append(' ').append(t).append('\n');
                                }
                            } catch (IOException e) {
                                text.append("# fd ").append(l.getFileName()).append(" unreadable: ").append(e).append('\n');
                            }
                        });
                    }
                }
                Files.writeString(out, text, StandardCharsets.US_ASCII);
            }
        }
    }
}
