package io.egress.enrich.internal.json;

/**
 * The text is not JSON, exceeds a limit, or is JSON of the wrong shape. Says where: the character
 * offset (-1 when the problem is the whole text) and the JSON path of the value being read
 * ({@code $.entities[2].handle}; {@code $} for the top level).
 */
public final class JsonParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String path;
    private final String problem;

    /** A problem of the whole text or of its shape, at no particular character. */
    public JsonParseException(String message) {
        this(-1, "$", message);
    }

    public JsonParseException(int offset, String path, String problem) {
        super(offset < 0 ? problem : "malformed JSON at character " + offset + " (" + path + "): " + problem);
        this.offset = offset;
        this.path = path;
        this.problem = problem;
    }

    /** Characters from the start of the text, or -1. */
    public int offset() {
        return offset;
    }

    /** The JSON path of the value being read when it failed. */
    public String path() {
        return path;
    }

    /** What was wrong, without the position. */
    public String problem() {
        return problem;
    }
}
