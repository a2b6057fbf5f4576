package io.egress.capture.internal.proto;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a TLS ClientHello that name a connection: the server name (SNI, RFC 6066) and the
 * offered application protocols (ALPN, RFC 7301). Works for TLS 1.0 to 1.3 over TCP and for the
 * ClientHello carried in QUIC CRYPTO frames.
 *
 * @param legacyVersion the ClientHello's legacy_version (0x0303 also for TLS 1.3)
 * @param serverName    the first host_name of the server_name extension, escaped with
 *                      {@code \DDD} outside printable ASCII; empty when absent
 * @param alpn          the ALPN protocol names offered, in order (e.g. {@code h2}, {@code http/1.1}); empty when absent
 */
public record TlsClientHello(int legacyVersion, Optional<String> serverName, List<String> alpn) {

    /** Longest handshake message accepted; a ClientHello with post-quantum key shares is still far below. */
    static final int MAX_HANDSHAKE = 1 << 16;

    public TlsClientHello {
        alpn = List.copyOf(alpn);
    }

    /**
     * Parses the ClientHello at the start of a TCP payload: one or more TLS handshake records
     * (content type 22). A ClientHello split over several records is joined, but only from
     * records inside the given region.
     *
     * @throws ProtocolParseException when the payload is not a TLS handshake record holding a
     *         ClientHello, or when it is cut short ({@link ProtocolParseException#isTruncated()}:
     *         the rest may come in the next segment)
     */
    public static TlsClientHello parse(byte[] data, int offset, int length) throws ProtocolParseException {
        return TlsClientHelloParser.fromRecords(new ByteCursor(data, offset, length));
    }

    /** As {@link #parse(byte[], int, int)} for the bytes between the buffer's position and limit (left unchanged). */
    public static TlsClientHello parse(ByteBuffer payload) throws ProtocolParseException {
        return TlsClientHelloParser.fromRecords(ByteCursor.over(payload));
    }

    /**
     * Parses a bare handshake message (type, 24-bit length, body) without the record layer, as
     * QUIC carries it in CRYPTO frames.
     *
     * @throws ProtocolParseException when it is not a complete, well-formed ClientHello
     */
    public static TlsClientHello parseHandshake(byte[] data, int offset, int length) throws ProtocolParseException {
        return TlsClientHelloParser.fromHandshake(new ByteCursor(data, offset, length));
    }

    /**
     * A cheap test of the first bytes for a TLS handshake record: content type 22 and a record
     * version 3.x. Use it to decide whether to call {@link #parse(byte[], int, int)} on a flow
     * whose port says nothing.
     */
    public static boolean looksLikeHandshakeRecord(byte[] data, int offset, int length) {
        ByteCursor.checkRegion(data, offset, length);
        return length >= 6 && data[offset] == 22 && data[offset + 1] == 3 && data[offset + 5] == 1;
    }
}
