package io.egress.capture.internal.proto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client's Initial packet protection keys (RFC 9001 section 5.2, RFC 9369 section 3.3). They
 * are derived from the Destination Connection ID of the client's first Initial with HKDF-SHA256
 * and a version-specific public salt, so any observer can compute them: Initial protection stops
 * tampering, not reading.
 *
 * @param key    the AES-128-GCM payload key
 * @param iv     the 12-byte nonce base
 * @param hp     the AES-128 header protection key
 */
record QuicInitialKeys(byte[] key, byte[] iv, byte[] hp) {
    static final int VERSION_1 = 0x00000001;
    static final int VERSION_2 = 0x6b3343cf;

    private static final byte[] SALT_V1 = hex("38762cf7f55934b34d179ae6a4c80cadccbb7f0a");
    private static final byte[] SALT_V2 = hex("0dede3def700a6db819381be6e269dcbf9bd2ed9");

    static boolean isSupported(long version) {
        return version == VERSION_1 || version == VERSION_2;
    }

    /** The long-header packet type bits that mean "Initial": 0 in v1, 1 in v2. */
    static int initialType(long version) {
        return version == VERSION_2 ? 1 : 0;
    }

    /** The long-header packet type bits that mean "Retry": 3 in v1, 0 in v2. */
    static int retryType(long version) {
        return version == VERSION_2 ? 0 : 3;
    }

    /** The client's Initial keys for a supported version and the client's original DCID. */
    static QuicInitialKeys client(long version, byte[] dcid, int offset, int length) {
        boolean v2 = version == VERSION_2;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            byte[] initialSecret = extract(hmac, v2 ? SALT_V2 : SALT_V1, dcid, offset, length);
            byte[] clientSecret = expandLabel(hmac, initialSecret, "client in", 32);
            String prefix = v2 ? "quicv2 " : "quic ";
            return new QuicInitialKeys(
                    expandLabel(hmac, clientSecret, prefix + "key", 16),
                    expandLabel(hmac, clientSecret, prefix + "iv", 12),
                    expandLabel(hmac, clientSecret, prefix + "hp", 16));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is required of every Java SE runtime.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** HKDF-Extract (RFC 5869 2.2): HMAC with the salt as key. */
    private static byte[] extract(Mac hmac, byte[] salt, byte[] ikm, int offset, int length) throws GeneralSecurityException {
        hmac.init(new SecretKeySpec(salt, "HmacSHA256"));
        hmac.update(ikm, offset, length);
        return hmac.doFinal();
    }

    /**
     * HKDF-Expand-Label (RFC 8446 7.1) with an empty context, for outputs of at most one hash
     * block (32 bytes), which is all QUIC Initial keys need.
     */
    static byte[] expandLabel(Mac hmac, byte[] secret, String label, int length) throws GeneralSecurityException {
        byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        byte[] info = new byte[2 + 1 + fullLabel.length + 1];
        info[0] = (byte) (length >>> 8);
        info[1] = (byte) length;
        info[2] = (byte) fullLabel.length;
        System.arraycopy(fullLabel, 0, info, 3, fullLabel.length);
        info[info.length - 1] = 0; // empty context
        hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
        hmac.update(info);
        hmac.update((byte) 1); // T(1) = HMAC(PRK, info | 0x01)
        return Arrays.copyOf(hmac.doFinal(), length);
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
