package io.egress.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A workspace file could not be read or written. The message is {@code FILE: PROBLEM}, in plain
 * words, e.g. {@code inv.egress: not an Egress workspace: the file is not an SQLite database}.
 * The file named was not modified.
 */
public final class WorkspaceException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, so that a caller can choose what to offer the user. */
    public enum Reason {
        /** The file is missing or not readable/writable. */
        IO,
        /** Not an SQLite file, or one of another application. */
        NOT_A_WORKSPACE,
        /** Truncated or failing SQLite's integrity check. */
        CORRUPT,
        /** Written by a newer Egress with a schema this version does not know. */
        NEWER_VERSION,
        /** The save was cancelled; the previous save is unchanged. */
        CANCELLED
    }

    private final transient Path file;
    private final Reason reason;
    private final String problem;

    public WorkspaceException(Path file, Reason reason, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public WorkspaceException(Path file, Reason reason, String problem) {
        this(file, reason, problem, null);
    }

    public Path file() { return file; }

    public Reason reason() { return reason; }

    /** The problem without the file name. */
    public String problem() { return problem; }
}
