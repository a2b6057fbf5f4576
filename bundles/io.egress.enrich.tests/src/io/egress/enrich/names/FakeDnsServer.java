package io.egress.enrich.names;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A DNS server on 127.0.0.1 that answers PTR questions from a table; unknown names get NXDOMAIN. */
final class FakeDnsServer implements AutoCloseable {
    /** What to do for one question name. */
    sealed interface Reply permits Names, Silent, ServFail, WrongIdFirst {
    }

    record Names(List<String> names, long ttl) implements Reply {
    }

    record Silent() implements Reply {
    }

    record ServFail() implements Reply {
    }

    /** First a packet with a wrong id (a forgery), then the real answer. */
    record WrongIdFirst(String forged, String real) implements Reply {
    }

    final Map<String, Reply> replies = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    private final DatagramSocket socket;
    private final Thread thread;

    FakeDnsServer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = Thread.ofPlatform().daemon().name("fake-dns").start(this::serve);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void serve() {
        byte[] buf = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                requests.incrementAndGet();
                int id = (buf[0] & 0xff) << 8 | (buf[1] & 0xff);
                int qEnd = 12;
                while (buf[qEnd] != 0) {
                    qEnd += (buf[qEnd] & 0xff) + 1;
                }
                qEnd += 5;
                String qname = readName(buf, 12);
                byte[] question = java.util.Arrays.copyOfRange(buf, 12, qEnd);
                Reply r = replies.getOrDefault(qname, new Names(List.of(), 0));
                switch (r) {
                    case Silent s -> {
                        // never answer: the client must time out
                    }
                    case ServFail s -> send(p, response(id, 2, question, List.of(), 0));
                    case Names n -> send(p, response(id, n.names().isEmpty() ? 3 : 0, question, n.names(), n.ttl()));
                    case WrongIdFirst w -> {
                        send(p, response((id + 1) & 0xffff, 0, question, List.of(w.forged()), 60));
                        send(p, response(id, 0, question, List.of(w.real()), 60));
                    }
                }
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void send(DatagramPacket to, byte[] msg) throws IOException {
        socket.send(new DatagramPacket(msg, msg.length, to.getSocketAddress()));
    }

    private static byte[] response(int id, int rcode, byte[] question, List<String> names, long ttl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, id);
        u16(out, 0x8180 | rcode);
        u16(out, 1);
        u16(out, names.size());
        u16(out, 0);
        u16(out, 0);
        out.writeBytes(question);
        for (String n : names) {
            u16(out, 0xc00c); // compressed: the question name
            u16(out, 12);
            u16(out, 1);
            u16(out, (int) (ttl >> 16));
            u16(out, (int) ttl);
            byte[] rdata = encode(n);
            u16(out, rdata.length);
            out.writeBytes(rdata);
        }
        return out.toByteArray();
    }

    private static byte[] encode(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String l : name.split("\\.")) {
            byte[] b = l.getBytes(StandardCharsets.ISO_8859_1);
            out.write(b.length);
            out.writeBytes(b);
        }
        out.write(0);
        return out.toByteArray();
    }

    private static String readName(byte[] buf, int pos) {
        StringBuilder sb = new StringBuilder();
        while (buf[pos] != 0) {
            int len = buf[pos++];
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(new String(buf, pos, len, StandardCharsets.ISO_8859_1));
            pos += len;
        }
        return sb.toString();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write((v >> 8) & 0xff);
        out.write(v & 0xff);
    }

    @Override
    public void close() {
        socket.close();
        thread.interrupt(); // the closed socket ends the loop; interrupt in case it is between packets
    }
}
