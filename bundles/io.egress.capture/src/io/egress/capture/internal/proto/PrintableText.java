package io.egress.capture.internal.proto;

/** Turns untrusted protocol bytes into text that is safe to show and log. */
final class PrintableText {
    private PrintableText() {
    }

    /**
     * Printable ASCII is kept; every other byte (controls, spaces, non-ASCII, the backslash itself)
     * becomes {@code \DDD} with three decimal digits, the DNS presentation convention.
     */
    static String of(byte[] data, int from, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = from; i < from + length; i++) {
            int c = data[i] & 0xff;
            if (c > 0x20 && c < 0x7f && c != '\\') {
                out.append((char) c);
            } else {
                out.append('\\').append((char) ('0' + c / 100)).append((char) ('0' + c / 10 % 10)).append((char) ('0' + c % 10));
            }
        }
        return out.toString();
    }
}
