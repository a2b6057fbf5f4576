package io.egress.enrich.internal.dns;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * Sends one PTR query over UDP and waits for the matching answer. A fresh socket (random source port)
 * and a random id per attempt, and answers from another address or for another question are ignored,
 * so that a stray or forged packet cannot answer for the resolver. Blocking; run it off the UI thread.
 */
public final class UdpDnsClient {
    private static final Logger LOG = System.getLogger(UdpDnsClient.class.getName());
    private static final int MAX_UDP = 4096;

    private final InetSocketAddress server;
    private final Duration timeout;
    private final int attempts;
    private final SecureRandom random = new SecureRandom();

    public UdpDnsClient(InetSocketAddress server, Duration timeout, int attempts) {
        this.server = server;
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
    }

    /** @throws SocketTimeoutException when every attempt timed out */
    public DnsMessages.PtrAnswer queryPtr(String name) throws IOException {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return once(name);
            } catch (SocketTimeoutException e) {
                LOG.log(Level.DEBUG, "PTR " + name + " attempt " + attempt + " timed out");
            }
        }
        throw new SocketTimeoutException("no answer from " + server + " after " + attempts + " attempts of " + timeout.toMillis() + " ms");
    }

    private DnsMessages.PtrAnswer once(String name) throws IOException {
        int id = random.nextInt(0x10000);
        byte[] query = DnsMessages.ptrQuery(id, name);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(query, query.length, server));
            byte[] buf = new byte[MAX_UDP];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException("timed out");
                }
                socket.setSoTimeout((int) Math.max(1, left));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                if (!server.equals(p.getSocketAddress())) {
                    continue;
                }
                try {
                    return DnsMessages.parsePtrAnswer(buf, p.getLength(), id, name);
                } catch (DnsFormatException e) {
                    LOG.log(Level.DEBUG, "ignoring DNS packet from " + server + ": " + e.getMessage());
                }
            }
        }
    }
}
