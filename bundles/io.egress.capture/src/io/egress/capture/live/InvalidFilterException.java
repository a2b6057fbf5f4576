package io.egress.capture.live;

/** A BPF filter expression that libpcap cannot compile; the message is libpcap's, with the filter. */
public final class InvalidFilterException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String filter;
    private final String reason;

    public InvalidFilterException(String filter, String reason) {
        super("invalid capture filter '" + filter + "': " + reason);
        this.filter = filter;
        this.reason = reason;
    }

    /** The expression as given. */
    public String filter() {
        return filter;
    }

    /** libpcap's message, e.g. "syntax error". */
    public String reason() {
        return reason;
    }
}
