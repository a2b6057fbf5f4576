package io.egress.fuzz.targets;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import io.egress.capture.internal.proto.QuicFramesProbe;
import io.egress.capture.internal.proto.QuicInitial;
import io.egress.fuzz.CapturePayloads;

/**
 * The frame parser behind QUIC decryption, on plaintext Initial payloads: CRYPTO frames of the real
 * Initials (decrypted by the project), with PING, ACK and PADDING around them. Mutating the
 * protected datagrams only reaches this code when AES-GCM accepts them, which it never does.
 */
public final class QuicFramesTarget extends PayloadTarget {
    @Override
    public String name() {
        return "quic-frames";
    }

    @Override
    boolean selects(CapturePayloads.Payload p) {
        return p.protocol() == 17 && QuicInitial.looksLikeInitial(p.bytes(), 0, p.bytes().length);
    }

    @Override
    public List<byte[]> seeds() throws Exception {
        List<byte[]> plain = new ArrayList<>();
        for (byte[] datagram : super.seeds()) {
            try {
                for (QuicInitial initial : QuicInitial.decryptClientInitials(datagram, 0, datagram.length)) {
                    plain.add(plaintext(initial));
                }
            } catch (io.egress.capture.internal.proto.ProtocolParseException e) {
                // server Initials and undecryptable datagrams give no plaintext seed
                continue;
            }
        }
        if (plain.isEmpty()) {
            throw new IllegalStateException("no decryptable client Initial in the shared captures");
        }
        return plain;
    }

    private static byte[] plaintext(QuicInitial initial) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x01); // PING
        // ACK: largest 5, delay 1, one range after the first: first range 0, gap 0, range 0 (acknowledges 5 and 3)
        out.writeBytes(new byte[] { 0x02, 0x05, 0x01, 0x01, 0x00, 0x00, 0x00 });
        for (QuicInitial.CryptoFrame f : initial.cryptoFrames()) {
            out.write(0x06);
            varint(out, f.offset());
            varint(out, f.data().length);
            out.writeBytes(f.data());
        }
        out.writeBytes(new byte[8]); // PADDING
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        if (v < 0x4000) {
            out.write(0x40 | (int) (v >> 8));
            out.write((int) v);
        } else {
            out.write(0x80 | (int) (v >> 24));
            out.write((int) (v >> 16));
            out.write((int) (v >> 8));
            out.write((int) v);
        }
    }

    @Override
    public void run(byte[] input) throws Exception {
        QuicFramesProbe.cryptoFrames(input);
    }
}
