package io.egress.detect.internal.backtest;

import io.egress.capture.pcap.PcapWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds Ethernet/IPv4 TCP and UDP packets with correct headers (checksums left 0, which the
 * capture engine does not check) for synthetic labelled captures. Packets of interleaved
 * conversations are collected and written in time order by {@link #writeTo(PcapWriter)}.
 */
final class SyntheticPackets {
    /** Payload bytes kept in the file; the rest is cut as by a snap length (the headers keep the true lengths). */
    private static final int KEPT_PAYLOAD = 64;
    /** Largest segment, as a host capture sees with segmentation offload. */
    private static final int SEGMENT = 60_000;

    private record Packet(long time, long sequence, byte[] data, int wireLength) {
    }

    private final List<Packet> packets = new ArrayList<>();
    static final int SYN = 0x02;
    static final int ACK = 0x10;
    static final int PSH = 0x08;
    static final int FIN = 0x01;

    private final byte[] mac = {2, 0, 0, 0, 0, 1};
    private final byte[] gatewayMac = {2, 0, 0, 0, 0, 2};

    /** Writes the collected packets in time order. */
    void writeTo(PcapWriter writer) throws IOException {
        packets.sort(Comparator.comparingLong(Packet::time).thenComparingLong(Packet::sequence));
        for (Packet p : packets) {
            writer.write(p.time, p.data, 0, p.data.length, p.wireLength);
        }
    }

    int packetCount() {
        return packets.size();
    }

    private void add(long t, ByteBuffer frame, int wireLength) {
        byte[] kept = java.util.Arrays.copyOf(frame.array(), Math.min(frame.capacity(), wireLength));
        packets.add(new Packet(t, packets.size(), kept, wireLength));
    }

    /** One TCP connection: handshake, a request, a response, and a close, starting at {@code t}. */
    void tcpConversation(long t, byte[] client, int clientPort, byte[] server, int serverPort, int requestBytes, int responseBytes)
            {
        long ms = 1_000_000L;
        tcp(t, client, clientPort, server, serverPort, SYN, 0);
        tcp(t + 20 * ms, server, serverPort, client, clientPort, SYN | ACK, 0);
        tcp(t + 40 * ms, client, clientPort, server, serverPort, ACK, 0);
        long at = t + 41 * ms;
        at = send(at, client, clientPort, server, serverPort, requestBytes);
        at = send(at + 30 * ms, server, serverPort, client, clientPort, responseBytes);
        tcp(at + 5 * ms, client, clientPort, server, serverPort, FIN | ACK, 0);
        tcp(at + 25 * ms, server, serverPort, client, clientPort, FIN | ACK, 0);
        tcp(at + 45 * ms, client, clientPort, server, serverPort, ACK, 0);
    }

    /** Sends {@code bytes} of payload as back-to-back segments of at most {@link #SEGMENT} bytes; returns the time after. */
    long send(long t, byte[] from, int fromPort, byte[] to, int toPort, int bytes) {
        int left = bytes;
        long at = t;
        while (left > 0) {
            int n = Math.min(SEGMENT, left);
            tcp(at, from, fromPort, to, toPort, PSH | ACK, n);
            left -= n;
            at += 200_000L + n * 10L;
        }
        return at;
    }

    void tcp(long t, byte[] src, int srcPort, byte[] dst, int dstPort, int flags, int payload) {
        ByteBuffer b = ipv4(src, dst, 6, 20 + payload, 20 + Math.min(payload, KEPT_PAYLOAD));
        b.putShort((short) srcPort).putShort((short) dstPort).putInt(1000).putInt(flags == SYN ? 0 : 2000)
                .put((byte) 0x50).put((byte) flags).putShort((short) 65535).putShort((short) 0).putShort((short) 0);
        add(t, b, 14 + 20 + 20 + payload);
    }

    void udp(long t, byte[] src, int srcPort, byte[] dst, int dstPort, byte[] payload) {
        ByteBuffer b = ipv4(src, dst, 17, 8 + payload.length, 8 + payload.length);
        b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + payload.length)).putShort((short) 0).put(payload);
        add(t, b, b.capacity());
    }

    /** A DNS question and its answer (an A record with the address, or no answer when null). */
    void dnsLookup(long t, byte[] client, int clientPort, byte[] resolver, String name, int type, byte[] answer) {
        int id = (clientPort * 31 + name.hashCode()) & 0xffff;
        udp(t, client, clientPort, resolver, 53, dns(id, name, type, false, null));
        udp(t + 15_000_000L, resolver, 53, client, clientPort, dns(id, name, type, true, answer));
    }

    private static byte[] dns(int id, String name, int type, boolean response, byte[] answer) {
        ByteBuffer b = ByteBuffer.allocate(512);
        b.putShort((short) id).putShort((short) (response ? 0x8180 : 0x0100)).putShort((short) 1)
                .putShort((short) (answer != null ? 1 : 0)).putShort((short) 0).putShort((short) 0);
        for (String label : name.split("\\.")) {
            byte[] l = label.getBytes(StandardCharsets.US_ASCII);
            b.put((byte) l.length).put(l);
        }
        b.put((byte) 0).putShort((short) type).putShort((short) 1);
        if (answer != null) {
            b.putShort((short) 0xc00c).putShort((short) 1).putShort((short) 1).putInt(300).putShort((short) 4).put(answer);
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private ByteBuffer ipv4(byte[] src, byte[] dst, int protocol, int transportLength, int keptTransport) {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + keptTransport);
        b.put(gatewayMac).put(mac).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + transportLength)).putShort((short) 0).putShort((short) 0x4000)
                .put((byte) 64).put((byte) protocol).putShort((short) 0).put(src).put(dst);
        return b;
    }
}
