package io.egress.capture.internal.proto;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Finds the TLS ClientHello of one QUIC connection in the client's Initial packets, which may
 * spread it over several CRYPTO frames in any order (Chromium shuffles them) and over several
 * datagrams (large post-quantum key shares). The flow table keeps one per QUIC flow and feeds it
 * the client-to-server datagrams until {@link #isDone()}.
 * <p>
 * Bounded: at most {@value #MAX_CRYPTO_BYTES} bytes of crypto stream and
 * {@value #MAX_DATAGRAMS} datagrams; after that it gives up. Not thread-safe.
 */
public final class QuicClientHelloAssembler {
    static final int MAX_CRYPTO_BYTES = 32 * 1024;
    static final int MAX_DATAGRAMS = 16;

    private final QuicPacketDecryptor decryptor = new QuicPacketDecryptor();
    private byte[] firstDcid;
    private long version;
    private QuicInitialKeys firstKeys;
    private byte[] stream = new byte[0];
    private final BitSet received = new BitSet();
    private int datagrams;
    private boolean done;
    private Optional<TlsClientHello> result = Optional.empty();

    /**
     * Offers one UDP payload sent by the client. Datagrams without an Initial packet (1-RTT,
     * Handshake) are accepted and ignored.
     *
     * @return the ClientHello once it is complete, otherwise empty
     * @throws ProtocolParseException when the datagram is malformed, fails to decrypt, or the
     *         completed crypto stream is not a ClientHello (then {@link #isDone()} is true)
     */
    public Optional<TlsClientHello> offer(byte[] datagram, int offset, int length) throws ProtocolParseException {
        if (done) {
            return result;
        }
        if (++datagrams > MAX_DATAGRAMS) {
            done = true;
            return result;
        }
        List<QuicInitial> packets = decryptor.decryptClientInitials(new ByteCursor(datagram, offset, length),
                Optional.of(this::keysFor));
        for (QuicInitial packet : packets) {
            for (QuicInitial.CryptoFrame frame : packet.cryptoFrames()) {
                add(frame);
            }
        }
        return tryComplete();
    }

    /** True once the ClientHello was found or the assembler gave up. */
    public boolean isDone() {
        return done;
    }

    /** The ClientHello, once found. */
    public Optional<TlsClientHello> result() {
        return result;
    }

    /** Every client Initial of a connection uses the keys of its first DCID (RFC 9001 5.2). */
    private QuicInitialKeys keysFor(long packetVersion, byte[] dcid) {
        if (firstKeys == null || packetVersion != version) {
            firstDcid = dcid.clone();
            version = packetVersion;
            firstKeys = QuicInitialKeys.client(packetVersion, dcid, 0, dcid.length);
        }
        return firstKeys;
    }

    private void add(QuicInitial.CryptoFrame frame) throws ProtocolParseException {
        long end = frame.offset() + frame.data().length;
        if (end > MAX_CRYPTO_BYTES) {
            done = true;
            throw ProtocolParseException.malformed("quic.crypto.offset", 0,
                    "crypto stream beyond " + MAX_CRYPTO_BYTES + " bytes");
        }
        if (end > stream.length) {
            stream = Arrays.copyOf(stream, (int) Math.min(MAX_CRYPTO_BYTES, Math.max(end, 2L * stream.length)));
        }
        int from = (int) frame.offset();
        System.arraycopy(frame.data(), 0, stream, from, frame.data().length);
        received.set(from, (int) end);
    }

    private Optional<TlsClientHello> tryComplete() throws ProtocolParseException {
        int contiguous = received.nextClearBit(0);
        if (contiguous < 4) {
            return Optional.empty();
        }
        int messageLength = 4 + ((stream[1] & 0xff) << 16 | (stream[2] & 0xff) << 8 | stream[3] & 0xff);
        if (messageLength > MAX_CRYPTO_BYTES || stream[0] != 1) {
            done = true;
            throw ProtocolParseException.malformed("tls.handshake", 0, "crypto stream does not start with a ClientHello");
        }
        if (contiguous < messageLength) {
            return Optional.empty();
        }
        done = true;
        result = Optional.of(TlsClientHello.parseHandshake(stream, 0, messageLength));
        stream = new byte[0]; // the flow keeps the assembler; release the buffer
        received.clear();
        return result;
    }

    /** The DCID of the connection's first Initial, once seen (for display and Community ID pivots). */
    public Optional<byte[]> originalDestinationConnectionId() {
        return firstDcid == null ? Optional.empty() : Optional.of(firstDcid.clone());
    }
}
