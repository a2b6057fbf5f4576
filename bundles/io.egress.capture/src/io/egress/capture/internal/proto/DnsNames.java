package io.egress.capture.internal.proto;

/**
 * Reads possibly compressed domain names (RFC 1035 section 4.1.4) from a DNS message with limits
 * that make hostile input cheap: labels of at most 63 bytes, names of at most 255 bytes on the
 * wire, compression pointers that must point strictly backwards (so they cannot loop) and at most
 * {@value #MAX_POINTERS} of them per name. Names are printed in the usual presentation form:
 * labels joined by dots, bytes outside printable ASCII and dots inside a label escaped as
 * {@code \DDD}, the root as {@code "."}.
 */
final class DnsNames {
    static final int MAX_LABEL = 63;
    static final int MAX_NAME = 255;
    static final int MAX_POINTERS = 64;

    private final StringBuilder text = new StringBuilder(64);

    /**
     * Reads the name at the cursor's position and leaves the cursor after it (after the first
     * pointer when the name is compressed).
     *
     * @param message the whole message: pointers are offsets from its start
     */
    String read(ByteCursor message, String field) throws ProtocolParseException {
        byte[] data = message.array();
        int base = message.regionStart();
        int limit = message.index() + message.remaining(); // absolute end of the message
        int pos = message.index();
        int resumeAt = -1; // where the outer cursor continues after the first pointer
        int lowestSeen = pos; // a pointer must go below every position already read
        int wireLength = 0;
        int pointers = 0;
        text.setLength(0);
        while (true) {
            if (pos >= limit) {
                throw ProtocolParseException.truncated(field, message.offsetOf(pos));
            }
            int len = data[pos] & 0xff;
            int kind = len & 0xc0;
            if (kind == 0xc0) {
                if (pos + 1 >= limit) {
                    throw ProtocolParseException.truncated(field, message.offsetOf(pos));
                }
                int target = base + ((len & 0x3f) << 8 | data[pos + 1] & 0xff);
                if (target >= lowestSeen || ++pointers > MAX_POINTERS) {
                    throw ProtocolParseException.malformed(field, message.offsetOf(pos),
                            "compression pointer to " + message.offsetOf(target) + " does not point backwards");
                }
                if (resumeAt < 0) {
                    resumeAt = pos + 2;
                }
                pos = target;
                lowestSeen = target;
                continue;
            }
            if (kind != 0) {
                // 0x40 and 0x80 are the obsolete extended-label types (RFC 6891 deprecates them).
                throw ProtocolParseException.malformed(field, message.offsetOf(pos), "unsupported label type 0x" + Integer.toHexString(kind));
            }
            wireLength += len + 1;
            if (wireLength > MAX_NAME) {
                throw ProtocolParseException.malformed(field, message.offsetOf(pos), "name longer than " + MAX_NAME + " bytes");
            }
            if (len == 0) {
                pos++;
                break;
            }
            if (pos + 1 + len > limit) {
                throw ProtocolParseException.truncated(field, message.offsetOf(pos));
            }
            if (text.length() > 0) {
                text.append('.');
            }
            appendLabel(data, pos + 1, len);
            pos += 1 + len;
        }
        message.seek(message.offsetOf(resumeAt >= 0 ? resumeAt : pos), field);
        return text.length() == 0 ? "." : text.toString();
    }

    private void appendLabel(byte[] data, int from, int len) {
        for (int i = from; i < from + len; i++) {
            int c = data[i] & 0xff;
            if (c > 0x20 && c < 0x7f && c != '.' && c != '\\') {
                text.append((char) c);
            } else {
                text.append('\\').append((char) ('0' + c / 100)).append((char) ('0' + c / 10 % 10)).append((char) ('0' + c % 10));
            }
        }
    }
}
