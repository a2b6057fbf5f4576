package io.egress.capture.internal.proto;

import java.util.List;
import java.util.Optional;

/**
 * One decrypted QUIC Initial packet sent by a client (QUIC v1, RFC 9000/9001, and v2, RFC 9369):
 * its connection ids, packet number and the CRYPTO frames it carries. The CRYPTO frames hold the
 * TLS ClientHello, possibly split over several frames in any order and over several packets; use
 * {@link QuicClientHelloAssembler} to put them together and read the SNI.
 *
 * @param version                  the QUIC version ({@code 1} or {@code 0x6b3343cf})
 * @param destinationConnectionId  the packet's DCID
 * @param sourceConnectionId       the packet's SCID
 * @param packetNumber             the packet number (as sent: Initial packet numbers start at 0)
 * @param cryptoFrames             the CRYPTO frames, in packet order
 */
public record QuicInitial(long version, byte[] destinationConnectionId, byte[] sourceConnectionId, long packetNumber,
        List<CryptoFrame> cryptoFrames) {

    /** QUIC version 1. */
    public static final long VERSION_1 = QuicInitialKeys.VERSION_1;
    /** QUIC version 2. */
    public static final long VERSION_2 = QuicInitialKeys.VERSION_2 & 0xffffffffL;

    /**
     * A CRYPTO frame.
     *
     * @param offset the frame's offset in the Initial-level crypto stream
     * @param data   its bytes
     */
    public record CryptoFrame(long offset, byte[] data) {
    }

    public QuicInitial {
        cryptoFrames = List.copyOf(cryptoFrames);
    }

    /**
     * Decrypts every client Initial packet in one UDP datagram (packets may be coalesced, RFC 9000
     * 12.2), each with keys derived from its own DCID. Handshake and 0-RTT packets in the same
     * datagram are skipped; a short-header packet or an unknown version ends the datagram.
     *
     * @return the Initial packets found, possibly none (e.g. a datagram with only a 1-RTT packet)
     * @throws ProtocolParseException when a long-header packet is malformed or an Initial fails
     *         to decrypt (a server datagram, or not QUIC at all)
     */
    public static List<QuicInitial> decryptClientInitials(byte[] datagram, int offset, int length)
            throws ProtocolParseException {
        return new QuicPacketDecryptor().decryptClientInitials(new ByteCursor(datagram, offset, length), Optional.empty());
    }

    /**
     * A cheap test of a UDP payload's first bytes for a QUIC v1 or v2 long-header Initial packet
     * (header form and fixed bits, version, packet type); no decryption.
     */
    public static boolean looksLikeInitial(byte[] datagram, int offset, int length) {
        ByteCursor.checkRegion(datagram, offset, length);
        if (length < 7 || (datagram[offset] & 0xc0) != 0xc0) {
            return false;
        }
        long version = (datagram[offset + 1] & 0xffL) << 24 | (datagram[offset + 2] & 0xff) << 16
                | (datagram[offset + 3] & 0xff) << 8 | datagram[offset + 4] & 0xff;
        return QuicInitialKeys.isSupported(version) && (datagram[offset] >>> 4 & 3) == QuicInitialKeys.initialType(version);
    }
}
