package io.egress.capture.internal.proto;

import java.util.ArrayList;
import java.util.List;

/** Reads the frames of a decrypted Initial payload and keeps the CRYPTO frames (RFC 9000 section 19). */
final class QuicFrames {
    private static final int PADDING = 0x00;
    private static final int PING = 0x01;
    private static final int ACK = 0x02;
    private static final int ACK_ECN = 0x03;
    private static final int CRYPTO = 0x06;
    private static final int CONNECTION_CLOSE = 0x1c;

    private QuicFrames() {
    }

    /**
     * The CRYPTO frames of the payload. Initial packets may only carry PADDING, PING, ACK, CRYPTO
     * and CONNECTION_CLOSE; any other frame type is a protocol violation and ends the payload.
     */
    static List<QuicInitial.CryptoFrame> cryptoFrames(ByteCursor in) throws ProtocolParseException {
        List<QuicInitial.CryptoFrame> out = new ArrayList<>(4);
        while (in.remaining() > 0) {
            long type = in.varint("quic.frame.type");
            if (type == PADDING || type == PING) {
                continue;
            }
            if (type == ACK || type == ACK_ECN) {
                skipAck(in, type == ACK_ECN);
            } else if (type == CRYPTO) {
                long offset = in.varint("quic.crypto.offset");
                long length = in.varint("quic.crypto.length");
                if (length > in.remaining()) {
                    throw ProtocolParseException.truncated("quic.crypto.data", in.offset());
                }
                out.add(new QuicInitial.CryptoFrame(offset, in.bytes((int) length, "quic.crypto.data")));
            } else if (type == CONNECTION_CLOSE) {
                break;
            } else {
                throw ProtocolParseException.malformed("quic.frame.type", in.offset(),
                        "frame type 0x" + Long.toHexString(type) + " not allowed in an Initial packet");
            }
        }
        return out;
    }

    private static void skipAck(ByteCursor in, boolean ecn) throws ProtocolParseException {
        in.varint("quic.ack.largest");
        in.varint("quic.ack.delay");
        long ranges = in.varint("quic.ack.range_count");
        if (ranges > in.remaining()) { // each range needs at least two bytes
            throw ProtocolParseException.malformed("quic.ack.range_count", in.offset(), ranges + " ranges");
        }
        in.varint("quic.ack.first_range");
        for (long i = 0; i < ranges; i++) {
            in.varint("quic.ack.gap");
            in.varint("quic.ack.range");
        }
        if (ecn) {
            in.varint("quic.ack.ect0");
            in.varint("quic.ack.ect1");
            in.varint("quic.ack.ce");
        }
    }
}
