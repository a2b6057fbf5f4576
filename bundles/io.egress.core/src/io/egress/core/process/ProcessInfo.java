package io.egress.core.process;

import java.util.Objects;

/**
 * What is known about one process at the time it was looked at. Immutable.
 *
 * <p>Unknown text fields are empty strings, unknown numbers are {@link #UNKNOWN}; never null.
 *
 * @param pid             the process id
 * @param startTimeMillis start time in epoch milliseconds, or {@link #UNKNOWN}. On Linux it is
 *                        computed from the kernel's clock ticks since boot ({@code /proc/PID/stat}
 *                        field 22) and the boot time ({@code btime}), so it is exact to 10 ms and
 *                        identical every time the same process is read. Together with the pid it
 *                        identifies the process ({@link #key()}).
 * @param name            short name (the kernel's {@code comm}, or OSHI's name)
 * @param exePath         absolute path of the executable, without the kernel's " (deleted)" suffix
 * @param commandLine     the command line, arguments separated by single spaces
 * @param user            user name, or the numeric uid as text when the name is not known
 * @param uid             real user id, or {@link #UNKNOWN}
 * @param parentPid       parent process id, or {@link #UNKNOWN}
 * @param executable      whether the executable was deleted or replaced since start
 * @param source          where the details came from, e.g. "oshi", "proc", "oshi+proc"
 */
public record ProcessInfo(long pid, long startTimeMillis, String name, String exePath, String commandLine,
        String user, int uid, long parentPid, ExecutableState executable, String source) {

    /** Marks an unknown number. */
    public static final int UNKNOWN = -1;

    public ProcessInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(exePath, "exePath");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(source, "source");
    }

    /** A process of which only the pid is known (it exited, or its details are not readable). */
    public static ProcessInfo onlyPid(long pid) {
        return new ProcessInfo(pid, UNKNOWN, "", "", "", "", UNKNOWN, UNKNOWN, ExecutableState.UNKNOWN, "none");
    }

    /** Identity of this process (pid + start time). */
    public ProcessKey key() {
        return new ProcessKey(pid, startTimeMillis);
    }

    /** True when more than the pid is known. */
    public boolean hasDetails() {
        return !name.isEmpty() || !exePath.isEmpty() || startTimeMillis != UNKNOWN;
    }

    /** A short line for logs and the details pane: {@code name (pid) exe}. */
    public String describe() {
        String base = (name.isEmpty() ? "?" : name) + " (" + pid + ")";
        String exe = exePath.isEmpty() ? "" : " " + exePath;
        String flag = executable.isSuspicious() ? " [" + executable.meaning() + "]" : "";
        return base + exe + flag;
    }
}
