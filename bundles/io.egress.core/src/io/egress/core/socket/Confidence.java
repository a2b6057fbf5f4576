package io.egress.core.socket;

/** How far an attribution can be trusted. */
public enum Confidence {
    /** The socket's inode was found among the process's open files while the socket existed. */
    EXACT("exact"),
    /** The operating system named the pid but the socket identity was matched by address only. */
    HIGH("high"),
    /** Matched late or indirectly (e.g. a poll after the flow started; the socket may have changed hands). */
    LOW("low"),
    /** No owner. */
    NONE("none");

    private final String id;

    Confidence(String id) {
        this.id = id;
    }

    /** Stable lower-case id for JSON, CSV and filters. */
    public String id() {
        return id;
    }
}
