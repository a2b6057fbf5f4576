package io.egress.enrich.internal.rdap;

/** A fetch that produced no usable answer; the message is shown to the analyst. */
public final class RdapFetchException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;

    public RdapFetchException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public RdapFetchException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = -1;
    }

    /** The HTTP status when the server answered with an error, else -1. */
    public int httpStatus() {
        return httpStatus;
    }
}
