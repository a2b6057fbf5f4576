package io.egress.core.process;

/**
 * What became of a process's executable file since the process started. A deleted or replaced
 * executable is a classic sign of an updated package still running old code, or of malware that
 * removed its own file.
 */
public enum ExecutableState {
    /** The file the process runs is still at its path. */
    PRESENT("present", "the executable is still at its path"),
    /** The kernel says the file was unlinked (" (deleted)" link text or no links left). */
    DELETED("deleted", "the executable was deleted after the process started"),
    /** Another file now sits at the path (different inode or device). */
    REPLACED("replaced", "the file at the executable's path is not the one the process runs"),
    /** Not readable here (other user's process without privileges, kernel thread, or not Linux). */
    UNKNOWN("unknown", "the executable could not be checked");

    private final String id;
    private final String meaning;

    ExecutableState(String id, String meaning) {
        this.id = id;
        this.meaning = meaning;
    }

    /** Stable lower-case id for JSON, CSV and filters. */
    public String id() {
        return id;
    }

    /** One plain sentence for an analyst. */
    public String meaning() {
        return meaning;
    }

    /** True when the running code no longer matches the file on disk. */
    public boolean isSuspicious() {
        return this == DELETED || this == REPLACED;
    }
}
