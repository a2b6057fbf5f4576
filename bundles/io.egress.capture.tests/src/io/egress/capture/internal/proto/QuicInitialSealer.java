package io.egress.capture.internal.proto;

import java.io.ByteArrayOutputStream;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test-only: builds protected client Initial packets (the sending side of RFC 9001 5.3-5.4), so
 * tests can make v2 packets and ClientHellos spread over several datagrams, which the shared
 * captures do not contain.
 */
final class QuicInitialSealer {
    private QuicInitialSealer() {
    }

    /** A CRYPTO frame (type 0x06) with 2-byte varint offset and length. */
    static byte[] cryptoFrame(int offset, byte[] data, int from, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x06);
        out.write(0x40 | offset >>> 8);
        out.write(offset);
        out.write(0x40 | length >>> 8);
        out.write(length);
        out.write(data, from, length);
        return out.toByteArray();
    }

    /**
     * One protected client Initial.
     *
     * @param keysDcid the DCID whose keys protect the packet (the connection's first DCID)
     * @param dcid     the DCID written in the header
     * @param frames   the plaintext frames; padded with PADDING to {@code paddedTo} bytes
     */
    static byte[] seal(long version, byte[] keysDcid, byte[] dcid, byte[] scid, int packetNumber, byte[] frames, int paddedTo)
            throws Exception {
        QuicInitialKeys keys = QuicInitialKeys.client(version, keysDcid, 0, keysDcid.length);
        int pnLength = 2;
        byte[] plain = java.util.Arrays.copyOf(frames, Math.max(frames.length, paddedTo));
        int length = pnLength + plain.length + 16;

        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(0xc0 | QuicInitialKeys.initialType(version) << 4 | pnLength - 1);
        header.write((int) (version >>> 24));
        header.write((int) (version >>> 16));
        header.write((int) (version >>> 8));
        header.write((int) version);
        header.write(dcid.length);
        header.writeBytes(dcid);
        header.write(scid.length);
        header.writeBytes(scid);
        header.write(0); // no token
        header.write(0x40 | length >>> 8);
        header.write(length);
        int pnOffset = header.size();
        header.write(packetNumber >>> 8);
        header.write(packetNumber);
        byte[] aad = header.toByteArray();

        byte[] nonce = keys.iv().clone();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) ((long) packetNumber >>> (8 * i));
        }
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.key(), "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(aad);
        byte[] sealed = gcm.doFinal(plain);

        byte[] packet = new byte[aad.length + sealed.length];
        System.arraycopy(aad, 0, packet, 0, aad.length);
        System.arraycopy(sealed, 0, packet, aad.length, sealed.length);
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.hp(), "AES"));
        byte[] mask = ecb.doFinal(packet, pnOffset + 4, 16);
        packet[0] ^= (byte) (mask[0] & 0x0f);
        for (int i = 0; i < pnLength; i++) {
            packet[pnOffset + i] ^= mask[1 + i];
        }
        return packet;
    }
}
