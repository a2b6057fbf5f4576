package io.egress.capture.internal.proto;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The start of an HTTP/1.x request (RFC 9112): request line and the Host header, read from the
 * first bytes of a client's TCP payload. Only the given bytes are read; lines are limited to
 * {@value HttpRequestParser#MAX_LINE} bytes and at most {@value HttpRequestParser#MAX_HEADERS}
 * header lines are looked at.
 *
 * @param method   the method token, e.g. {@code GET}
 * @param target   the request target as sent (origin form {@code /path?q}, absolute form
 *                 {@code http://host/path}, authority form for CONNECT, or {@code *}), with bytes
 *                 outside printable ASCII escaped as {@code \DDD}
 * @param version  {@code HTTP/1.0} or {@code HTTP/1.1}
 * @param host     the value of the first Host header (name matched case-insensitively, spaces
 *                 trimmed); empty when the headers seen hold none
 * @param complete whether the header section ended (blank line) inside the given bytes; when
 *                 false, a Host header may still follow in a later segment
 */
public record HttpRequest(String method, String target, String version, Optional<String> host, boolean complete) {

    /**
     * Parses the request that starts at {@code offset}.
     *
     * @throws ProtocolParseException when the bytes do not start with an HTTP/1.x request line
     *         (truncated when the request line itself is incomplete) or a line exceeds the limit
     */
    public static HttpRequest parse(byte[] data, int offset, int length) throws ProtocolParseException {
        return HttpRequestParser.parse(new ByteCursor(data, offset, length));
    }

    /** As {@link #parse(byte[], int, int)} for the bytes between the buffer's position and limit (left unchanged). */
    public static HttpRequest parse(ByteBuffer payload) throws ProtocolParseException {
        return HttpRequestParser.parse(ByteCursor.over(payload));
    }
}
