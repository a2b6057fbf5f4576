package io.egress.enrich.internal.json;

/** The text is not JSON, or exceeds a limit; the message says where and why. */
public final class JsonParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonParseException(String message) {
        super(message);
    }
}
