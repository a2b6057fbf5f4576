package io.egress.fuzz.targets;

import io.egress.capture.internal.proto.ProtocolParseException;
import io.egress.capture.internal.proto.QuicClientHelloAssembler;
import io.egress.capture.internal.proto.QuicInitial;
import io.egress.fuzz.CapturePayloads;

/** QuicInitial.decryptClientInitials and a fresh QuicClientHelloAssembler on one datagram. */
public final class QuicTarget extends PayloadTarget {
    @Override
    public String name() {
        return "quic";
    }

    @Override
    boolean selects(CapturePayloads.Payload p) {
        return p.protocol() == 17 && QuicInitial.looksLikeInitial(p.bytes(), 0, p.bytes().length);
    }

    @Override
    public void run(byte[] input) throws Exception {
        QuicInitial.looksLikeInitial(input, 0, input.length);
        new Steps(ProtocolParseException.class)
                .then(() -> QuicInitial.decryptClientInitials(input, 0, input.length))
                .then(() -> {
                    QuicClientHelloAssembler assembler = new QuicClientHelloAssembler();
                    assembler.offer(input, 0, input.length);
                    // the same datagram again, as a retransmission would arrive
                    assembler.offer(input, 0, input.length);
                    assembler.result();
                })
                .end();
    }
}
