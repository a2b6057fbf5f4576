package io.egress.fuzz.targets;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.egress.capture.internal.proto.ProtocolParseException;
import io.egress.capture.internal.proto.QuicInitial;
import io.egress.capture.internal.proto.TlsClientHello;
import io.egress.fuzz.CapturePayloads;

/** TlsClientHello.parse on TLS records, parseHandshake on the handshake inside. */
public final class TlsTarget extends PayloadTarget {
    @Override
    public String name() {
        return "tls";
    }

    @Override
    boolean selects(CapturePayloads.Payload p) {
        return p.protocol() == 6 && p.bytes().length > 5 && p.bytes()[0] == 0x16;
    }

    /** ClientHellos of the QUIC Initials (decrypted by the project), wrapped in a TLS handshake record. */
    @Override
    List<byte[]> extraSeeds(List<byte[]> captured) {
        List<byte[]> out = new ArrayList<>();
        try {
            for (CapturePayloads.Payload p : CapturePayloads.payloads()) {
                if (p.protocol() == 17 && QuicInitial.looksLikeInitial(p.bytes(), 0, p.bytes().length)) {
                    quicClientHello(p.bytes()).ifPresent(out::add);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static java.util.Optional<byte[]> quicClientHello(byte[] datagram) {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        try {
            for (QuicInitial initial : QuicInitial.decryptClientInitials(datagram, 0, datagram.length)) {
                initial.cryptoFrames().stream().sorted(Comparator.comparingLong(QuicInitial.CryptoFrame::offset))
                        .filter(f -> f.offset() == hello.size()).forEach(f -> hello.writeBytes(f.data()));
            }
        } catch (ProtocolParseException e) {
            return java.util.Optional.empty(); // a server Initial, or one that does not decrypt
        }
        if (hello.size() < 4 || hello.size() > 0xffff) {
            return java.util.Optional.empty();
        }
        byte[] record = new byte[5 + hello.size()];
        record[0] = 0x16;
        record[1] = 3;
        record[2] = 1;
        record[3] = (byte) (hello.size() >> 8);
        record[4] = (byte) hello.size();
        System.arraycopy(hello.toByteArray(), 0, record, 5, hello.size());
        return java.util.Optional.of(record);
    }

    @Override
    public void run(byte[] input) throws Exception {
        TlsClientHello.looksLikeHandshakeRecord(input, 0, input.length);
        new Steps(ProtocolParseException.class)
                .then(() -> TlsClientHello.parse(input, 0, input.length).toString())
                .then(() -> TlsClientHello.parseHandshake(input, Math.min(5, input.length), Math.max(0, input.length - 5)))
                .end();
    }
}
