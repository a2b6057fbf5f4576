package io.egress.capture.internal.proto;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Removes header protection from and decrypts client Initial packets (RFC 9001 sections 5.3-5.4).
 * Holds its ciphers, so it is not thread-safe; one per flow or per thread.
 */
final class QuicPacketDecryptor {
    private static final int MAX_CONNECTION_ID = 20;
    private static final int SAMPLE_LENGTH = 16;
    private static final int TAG_LENGTH = 16;

    private final Cipher headerCipher;
    private final Cipher payloadCipher;

    QuicPacketDecryptor() {
        try {
            headerCipher = Cipher.getInstance("AES/ECB/NoPadding");
            payloadCipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            // AES/ECB and AES/GCM are required of every Java SE runtime.
            throw new IllegalStateException("AES unavailable", e);
        }
    }

    /**
     * Decrypts the client Initials of one datagram.
     *
     * @param keysFor keys to use instead of deriving them from each packet's own DCID: later
     *                client Initials keep the keys of the connection's first DCID
     */
    List<QuicInitial> decryptClientInitials(ByteCursor in, Optional<KeySource> keysFor) throws ProtocolParseException {
        List<QuicInitial> out = new ArrayList<>(1);
        while (in.remaining() > 0) {
            int packetStart = in.offset();
            int firstByte = in.u8("quic.header.form");
            if ((firstByte & 0x80) == 0) {
                break; // a short-header (1-RTT) packet always comes last and is not ours to read
            }
            long version = in.u32("quic.version");
            if (!QuicInitialKeys.isSupported(version)) {
                if (out.isEmpty() && packetStart == 0 && version != 0) {
                    throw ProtocolParseException.malformed("quic.version", packetStart + 1,
                            "unsupported version 0x" + Long.toHexString(version));
                }
                break; // version negotiation, or padding garbage after the packets
            }
            byte[] dcid = connectionId(in, "quic.dcid");
            byte[] scid = connectionId(in, "quic.scid");
            int type = firstByte >>> 4 & 3;
            int initialType = QuicInitialKeys.initialType(version);
            if (type == QuicInitialKeys.retryType(version)) {
                break; // Retry: no Length field, and only servers send it
            }
            if (type == initialType) {
                long tokenLength = in.varint("quic.token.length");
                in.skip(bounded(tokenLength, in, "quic.token"), "quic.token");
            }
            int length = bounded(in.varint("quic.length"), in, "quic.length");
            int pnOffset = in.offset();
            ByteCursor packet = in.slice(length, "quic.payload");
            if (type != initialType) {
                continue; // Handshake or 0-RTT: other keys, skipped
            }
            QuicInitialKeys keys = keysFor.isPresent() ? keysFor.get().keys(version, dcid)
                    : QuicInitialKeys.client(version, dcid, 0, dcid.length);
            out.add(decrypt(packetStart, pnOffset, packet, keys, version, dcid, scid));
        }
        return out;
    }

    /** Supplies the keys for a packet; lets a stateful caller keep the first DCID's keys. */
    interface KeySource {
        QuicInitialKeys keys(long version, byte[] packetDcid);
    }

    private QuicInitial decrypt(int packetStart, int pnOffset, ByteCursor packet, QuicInitialKeys keys,
            long version, byte[] dcid, byte[] scid) throws ProtocolParseException {
        byte[] data = packet.array();
        int pnIndex = packet.index();
        if (packet.remaining() < 4 + SAMPLE_LENGTH) {
            throw ProtocolParseException.truncated("quic.hp.sample", pnOffset);
        }
        byte[] mask = aes(keys.hp(), data, pnIndex + 4);
        int headerStart = pnIndex - (pnOffset - packetStart);
        int firstByte = (data[headerStart] ^ mask[0] & 0x0f) & 0xff;
        int pnLength = (firstByte & 3) + 1;

        // The AAD is the header with protection removed; build it in a copy, the input stays untouched.
        int headerLength = pnOffset - packetStart + pnLength;
        byte[] header = new byte[headerLength];
        System.arraycopy(data, headerStart, header, 0, headerLength);
        header[0] = (byte) firstByte;
        long packetNumber = 0;
        for (int i = 0; i < pnLength; i++) {
            int b = (header[headerLength - pnLength + i] ^ mask[1 + i]) & 0xff;
            header[headerLength - pnLength + i] = (byte) b;
            packetNumber = packetNumber << 8 | b;
        }
        int cipherLength = packet.remaining() - pnLength;
        if (cipherLength < TAG_LENGTH) {
            throw ProtocolParseException.truncated("quic.payload", pnOffset + pnLength);
        }
        byte[] plain = open(keys, packetNumber, header, data, pnIndex + pnLength, cipherLength, pnOffset + pnLength);
        List<QuicInitial.CryptoFrame> frames = QuicFrames.cryptoFrames(new ByteCursor(plain, 0, plain.length));
        return new QuicInitial(version, dcid, scid, packetNumber, frames);
    }

    private byte[] aes(byte[] key, byte[] data, int sampleIndex) {
        try {
            headerCipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return headerCipher.doFinal(data, sampleIndex, SAMPLE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-ECB failed on a 16-byte block", e);
        }
    }

    private byte[] open(QuicInitialKeys keys, long packetNumber, byte[] header, byte[] data, int from, int length,
            int reportOffset) throws ProtocolParseException {
        byte[] nonce = keys.iv().clone();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (packetNumber >>> (8 * i));
        }
        try {
            payloadCipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.key(), "AES"), new GCMParameterSpec(128, nonce));
            payloadCipher.updateAAD(header);
            return payloadCipher.doFinal(data, from, length);
        } catch (AEADBadTagException e) {
            throw ProtocolParseException.malformed("quic.payload", reportOffset,
                    "authentication failed (not a client Initial for these keys)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private static byte[] connectionId(ByteCursor in, String field) throws ProtocolParseException {
        int length = in.u8(field + ".length");
        if (length > MAX_CONNECTION_ID) {
            throw ProtocolParseException.malformed(field, in.offset() - 1, "connection id of " + length + " bytes");
        }
        return in.bytes(length, field);
    }

    private static int bounded(long value, ByteCursor in, String field) throws ProtocolParseException {
        if (value > in.remaining()) {
            throw ProtocolParseException.truncated(field, in.offset());
        }
        return (int) value;
    }
}
