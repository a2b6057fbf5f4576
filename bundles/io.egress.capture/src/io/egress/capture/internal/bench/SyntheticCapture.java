package io.egress.capture.internal.bench;

import io.egress.capture.pcap.PcapWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a benchmark capture that looks like real traffic to a flow engine and to tshark: TCP
 * connections with handshakes, request/response rounds whose sequence numbers advance, delayed
 * ACKs, mixed segment sizes and FIN closes, interleaved a few hundred at a time, plus DNS-like UDP
 * exchanges. Servers are in 198.18.0.0/15 (the benchmarking range), clients in 10.0.0.0/8.
 * Deterministic for a given seed.
 * <p>
 * Usage: {@code java -cp ... io.egress.capture.internal.bench.SyntheticCapture OUT.pcap [flows] [seed]}
 */
public final class SyntheticCapture {
    private static final int CONCURRENT = 400;
    private static final int MSS = 1448;

    private final SplittableRandom random;
    private final ByteBuffer frame = ByteBuffer.allocate(1600);
    private long clock = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z
    private long packets;

    private SyntheticCapture(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SyntheticCapture OUT.pcap [flows=50000] [seed=1]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int flows = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        long packets = new SyntheticCapture(seed).write(out, flows);
        System.out.println("wrote " + out + ": " + packets + " packets, " + flows + " flows, " + Files.size(out) + " bytes");
    }

    private long write(Path file, int flows) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
                PcapWriter writer = new PcapWriter(os, 1)) {
            List<Conversation> active = new ArrayList<>();
            int started = 0;
            while (started < flows || !active.isEmpty()) {
                while (active.size() < CONCURRENT && started < flows) {
                    active.add(random.nextInt(10) == 0 ? new DnsExchange(started) : new TcpConnection(started));
                    started++;
                }
                int i = random.nextInt(active.size());
                Conversation c = active.get(i);
                frame.clear();
                boolean more = c.next();
                clock += 1 + random.nextInt(40_000);
                writer.write(clock, frame.array(), 0, frame.position(), frame.position());
                packets++;
                if (!more) {
                    active.set(i, active.get(active.size() - 1));
                    active.remove(active.size() - 1);
                }
            }
        }
        return packets;
    }

    private interface Conversation {
        /** Writes the next packet into {@link #frame}; false when it was the last one. */
        boolean next();
    }

    private int clientAddress(int n) {
        return 0x0a000000 | (n * 7919 % 4096 + 1) << 8 | 1 + n % 200;
    }

    private int serverAddress() {
        return 0xc6120000 | random.nextInt(2048) + 1; // 198.18.0.0/15
    }

    private void ethernetIpv4(int protocol, int src, int dst, int transportLength) {
        frame.put(new byte[] {0, 0x16, 0x3e, 1, 2, 3, 0, 0x16, 0x3e, 4, 5, 6}).putShort((short) 0x0800);
        frame.put((byte) 0x45).put((byte) 0).putShort((short) (20 + transportLength)).putShort((short) random.nextInt(65536))
                .putShort((short) 0x4000).put((byte) 64).put((byte) protocol).putShort((short) 0).putInt(src).putInt(dst);
    }

    private void tcp(int src, int srcPort, int dst, int dstPort, int seq, int ack, int flags, int payload) {
        ethernetIpv4(6, src, dst, 20 + payload);
        frame.putShort((short) srcPort).putShort((short) dstPort).putInt(seq).putInt(ack).put((byte) 0x50).put((byte) flags)
                .putShort((short) 64240).putInt(0);
        for (int i = 0; i < payload; i++) {
            frame.put((byte) (i * 13));
        }
        while (frame.position() < 60) {
            frame.put((byte) 0); // Ethernet minimum frame size
        }
    }

    /** A TCP connection: handshake, 1-4 request/response rounds, FIN from both sides. */
    private final class TcpConnection implements Conversation {
        private final int client;
        private final int server;
        private final int clientPort;
        private final int serverPort;
        private int clientSeq;
        private int serverSeq;
        private int step;
        private int rounds;
        private int segmentsLeft;
        private int unacked;

        TcpConnection(int n) {
            client = clientAddress(n);
            server = serverAddress();
            clientPort = 32768 + random.nextInt(28000);
            serverPort = random.nextInt(4) == 0 ? 80 : 443;
            clientSeq = random.nextInt();
            serverSeq = random.nextInt();
            rounds = 1 + random.nextInt(4);
        }

        @Override
        public boolean next() {
            switch (step) {
                case 0 -> {
                    tcp(client, clientPort, server, serverPort, clientSeq++, 0, 0x02, 0);
                    step = 1;
                }
                case 1 -> {
                    tcp(server, serverPort, client, clientPort, serverSeq++, clientSeq, 0x12, 0);
                    step = 2;
                }
                case 2 -> {
                    tcp(client, clientPort, server, serverPort, clientSeq, serverSeq, 0x10, 0);
                    step = 3;
                }
                case 3 -> { // request
                    int size = 80 + random.nextInt(520);
                    tcp(client, clientPort, server, serverPort, clientSeq, serverSeq, 0x18, size);
                    clientSeq += size;
                    segmentsLeft = 1 + random.nextInt(20);
                    step = 4;
                }
                case 4 -> { // response segments, the client ACKing every second one
                    if (unacked >= 2) {
                        tcp(client, clientPort, server, serverPort, clientSeq, serverSeq, 0x10, 0);
                        unacked = 0;
                        return true;
                    }
                    int size = random.nextInt(100) < 15 ? MSS : 40 + random.nextInt(360);
                    tcp(server, serverPort, client, clientPort, serverSeq, clientSeq, segmentsLeft == 1 ? 0x18 : 0x10, size);
                    serverSeq += size;
                    unacked++;
                    if (--segmentsLeft == 0) {
                        step = --rounds > 0 ? 3 : 5;
                    }
                }
                case 5 -> {
                    tcp(client, clientPort, server, serverPort, clientSeq++, serverSeq, 0x11, 0);
                    step = 6;
                }
                case 6 -> {
                    tcp(server, serverPort, client, clientPort, serverSeq++, clientSeq, 0x11, 0);
                    step = 7;
                }
                default -> {
                    tcp(client, clientPort, server, serverPort, clientSeq, serverSeq, 0x10, 0);
                    return false;
                }
            }
            return true;
        }
    }

    /** A DNS-like query and answer over UDP. */
    private final class DnsExchange implements Conversation {
        private final int client;
        private final int port;
        private boolean answered;

        DnsExchange(int n) {
            client = clientAddress(n);
            port = 32768 + random.nextInt(28000);
        }

        @Override
        public boolean next() {
            int resolver = 0xc6120001;
            int size = answered ? 120 + random.nextInt(200) : 30 + random.nextInt(40);
            if (!answered) {
                ethernetIpv4(17, client, resolver, 8 + size);
                frame.putShort((short) port).putShort((short) 53);
            } else {
                ethernetIpv4(17, resolver, client, 8 + size);
                frame.putShort((short) 53).putShort((short) port);
            }
            frame.putShort((short) (8 + size)).putShort((short) 0);
            // Not a parseable DNS message on purpose: the flow engine's DNS path is measured by the shared captures.
            for (int i = 0; i < size; i++) {
                frame.put((byte) 0);
            }
            boolean more = !answered;
            answered = true;
            return more;
        }
    }
}
