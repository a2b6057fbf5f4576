package io.egress.capture.internal.proto;

import java.util.List;

/** Fuzzing access to the package-private QUIC frame parser (decrypted Initial payloads). */
public final class QuicFramesProbe {
    private QuicFramesProbe() {
    }

    public static List<QuicInitial.CryptoFrame> cryptoFrames(byte[] plaintext) throws ProtocolParseException {
        return QuicFrames.cryptoFrames(new ByteCursor(plaintext, 0, plaintext.length));
    }
}
