package io.egress.capture.internal.proto;

/**
 * Thrown by the protocol parsers in this package when a payload is malformed, cut short, or
 * exceeds a safety limit. It names the field being read and the offset (relative to the start of
 * the parsed region) where reading failed, so that a caller can log a precise warning and carry on
 * with the next packet.
 * <p>
 * {@link #isTruncated()} separates "the bytes stopped early" (a TCP segment that holds only the
 * first part of a ClientHello, a packet cut by the snap length) from "the bytes are wrong"; a
 * caller may wait for more data in the first case but should give up in the second.
 */
public final class ProtocolParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final int offset;
    private final boolean truncated;

    /**
     * @param field     the name of the field being read, e.g. {@code "dns.question.name"}
     * @param offset    the offset, relative to the start of the parsed region, where it failed
     * @param truncated whether the input ended before the field did
     * @param message   what was wrong
     */
    public ProtocolParseException(String field, int offset, boolean truncated, String message) {
        super(field + " at offset " + offset + ": " + message);
        this.field = field;
        this.offset = offset;
        this.truncated = truncated;
    }

    /** A malformed (not merely truncated) field. */
    static ProtocolParseException malformed(String field, int offset, String message) {
        return new ProtocolParseException(field, offset, false, message);
    }

    /** The input ended before the field did. */
    static ProtocolParseException truncated(String field, int offset) {
        return new ProtocolParseException(field, offset, true, "input ends before the field");
    }

    /** The name of the field being read when parsing failed. */
    public String field() {
        return field;
    }

    /** The offset, relative to the start of the parsed region, where parsing failed. */
    public int offset() {
        return offset;
    }

    /** True when the input ended early rather than holding a wrong value. */
    public boolean isTruncated() {
        return truncated;
    }
}
