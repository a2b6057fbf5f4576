package io.egress.enrich.internal.geo;

/** The file is not a valid MaxMind DB; the message is shown on the preferences page. */
final class CorruptDatabaseException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptDatabaseException(String message) {
        super(message);
    }
}
