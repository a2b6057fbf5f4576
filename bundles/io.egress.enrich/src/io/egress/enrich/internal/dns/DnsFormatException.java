package io.egress.enrich.internal.dns;

/** A DNS message that cannot be parsed or does not answer our question. */
public final class DnsFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public DnsFormatException(String message) {
        super(message);
    }
}
