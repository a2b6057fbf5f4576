package io.egress.core.socket;

/** How the owner of a socket (or of a flow) was found, or why it was not. */
public enum AttributionMethod {
    /** Socket listed from {@code /proc/net/*}, owner found through {@code /proc/PID/fd}. */
    PROC_FD("proc-fd", "socket inode found in the process's open files (/proc)"),
    /** Socket listed through netlink sock_diag, owner found through {@code /proc/PID/fd}. */
    NETLINK("netlink", "socket listed by netlink sock_diag, inode found in the process's open files"),
    /** Looked up for one exact 4-tuple when the first packet of a flow was seen. */
    TRIGGER("trigger", "looked up when the first packet of the flow was seen"),
    /** Matched to a flow from a periodic socket-table snapshot. */
    POLL("poll", "matched from a periodic socket table snapshot"),
    /** From OSHI's portable connection list (the operating system reports the pid). */
    OSHI("oshi", "reported by the operating system through OSHI"),
    /** The socket exists but no readable process holds it and some processes were not readable. */
    NONE_NOT_VISIBLE("none-not-visible", "owner not visible (needs privileges)"),
    /** No process holds the socket (TIME_WAIT, a socket being closed, or a kernel socket). */
    NONE_NO_PROCESS("none-no-process", "no process holds this socket"),
    /** Nothing matched (e.g. a flow whose socket was already gone). */
    NONE("none", "not attributed");

    private final String id;
    private final String meaning;

    AttributionMethod(String id, String meaning) {
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

    /** True when a process was named. */
    public boolean foundOwner() {
        return this != NONE_NOT_VISIBLE && this != NONE_NO_PROCESS && this != NONE;
    }
}
