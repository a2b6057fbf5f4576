package io.egress.capture.internal.proto;

import java.util.Optional;

/** The reading side of {@link HttpRequest}. */
final class HttpRequestParser {
    static final int MAX_LINE = 8192;
    static final int MAX_HEADERS = 100;
    private static final int MAX_METHOD = 32;

    private HttpRequestParser() {
    }

    static HttpRequest parse(ByteCursor in) throws ProtocolParseException {
        byte[] data = in.array();
        int lineStart = in.index();
        int lineEnd = lineEnd(in, "http.request_line");
        if (lineEnd < 0) {
            throw ProtocolParseException.truncated("http.request_line", 0);
        }
        int sp1 = indexOf(data, lineStart, lineEnd, ' ');
        int sp2 = sp1 < 0 ? -1 : indexOf(data, sp1 + 1, lineEnd, ' ');
        if (sp1 <= lineStart || sp1 - lineStart > MAX_METHOD || sp2 < 0 || sp2 == sp1 + 1) {
            throw ProtocolParseException.malformed("http.request_line", 0, "not METHOD SP target SP version");
        }
        for (int i = lineStart; i < sp1; i++) {
            if (!isTokenChar(data[i])) {
                throw ProtocolParseException.malformed("http.method", in.offsetOf(i), "not a method token");
            }
        }
        String version = ascii(data, sp2 + 1, lineEnd);
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw ProtocolParseException.malformed("http.version", in.offsetOf(sp2 + 1), "not HTTP/1.0 or HTTP/1.1");
        }
        String method = ascii(data, lineStart, sp1);
        String target = PrintableText.of(data, sp1 + 1, sp2 - sp1 - 1);

        Optional<String> host = Optional.empty();
        for (int headers = 0; headers <= MAX_HEADERS; headers++) {
            int start = in.index();
            int end = lineEnd(in, "http.header");
            if (end < 0) {
                return new HttpRequest(method, target, version, host, false);
            }
            if (end == start) {
                return new HttpRequest(method, target, version, host, true);
            }
            if (host.isEmpty() && isHostHeader(data, start, end)) {
                host = Optional.of(value(data, start + 5, end));
            }
        }
        return new HttpRequest(method, target, version, host, false);
    }

    /**
     * Finds the end of the line at the cursor (before CRLF or a bare LF), moves the cursor past
     * the line break, and returns the absolute end index; -1 when the bytes end first.
     */
    private static int lineEnd(ByteCursor in, String field) throws ProtocolParseException {
        byte[] data = in.array();
        int from = in.index();
        int limit = from + Math.min(in.remaining(), MAX_LINE + 2);
        for (int i = from; i < limit; i++) {
            if (data[i] == '\n') {
                in.skip(i + 1 - from, field);
                return i > from && data[i - 1] == '\r' ? i - 1 : i;
            }
        }
        if (in.remaining() > MAX_LINE + 1) {
            throw ProtocolParseException.malformed(field, in.offset(), "line longer than " + MAX_LINE + " bytes");
        }
        return -1;
    }

    private static boolean isHostHeader(byte[] data, int start, int end) {
        if (end - start < 5 || data[start + 4] != ':') {
            return false;
        }
        return (data[start] | 0x20) == 'h' && (data[start + 1] | 0x20) == 'o' && (data[start + 2] | 0x20) == 's'
                && (data[start + 3] | 0x20) == 't';
    }

    private static String value(byte[] data, int from, int end) {
        int start = trimStart(data, from, end);
        int stop = end;
        while (stop > start && (data[stop - 1] == ' ' || data[stop - 1] == '\t')) {
            stop--;
        }
        return PrintableText.of(data, start, stop - start);
    }

    private static int trimStart(byte[] data, int from, int end) {
        int i = from;
        while (i < end && (data[i] == ' ' || data[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int indexOf(byte[] data, int from, int end, char c) {
        for (int i = from; i < end; i++) {
            if (data[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** RFC 9110 tchar. */
    private static boolean isTokenChar(byte b) {
        return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
    }

    private static String ascii(byte[] data, int from, int end) {
        return PrintableText.of(data, from, end - from);
    }
}
