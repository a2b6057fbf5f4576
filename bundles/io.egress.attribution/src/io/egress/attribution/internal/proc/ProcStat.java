package io.egress.attribution.internal.proc;

/**
 * The fields of {@code /proc/PID/stat} that identify a process.
 *
 * @param pid            the pid
 * @param comm           the kernel's short name (may contain spaces and parentheses)
 * @param parentPid      parent pid
 * @param startTicks     start time in clock ticks after boot (field 22)
 */
public record ProcStat(long pid, String comm, long parentPid, long startTicks) {

    /**
     * Parses the stat line. The name is enclosed in parentheses and may itself contain them, so
     * the fields are counted from the last closing parenthesis.
     *
     * @throws IllegalArgumentException when the text is not a stat line
     */
    public static ProcStat parse(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + text);
        }
        long pid = Long.parseLong(text.substring(0, open).trim());
        String comm = text.substring(open + 1, close);
        String[] rest = text.substring(close + 1).trim().split(" ");
        // rest[0] is field 3 (state), so field n is rest[n - 3]
        if (rest.length < 20) {
            throw new IllegalArgumentException("short /proc/PID/stat line: " + text);
        }
        return new ProcStat(pid, comm, Long.parseLong(rest[1]), Long.parseLong(rest[19]));
    }
}
