package io.egress.attribution.internal.proc;

/**
 * A line of {@code /proc/net/{tcp,tcp6,udp,udp6}} that does not parse. Names the table file and
 * line number (when the caller knows them), the column by the kernel's header name
 * ({@code local_address}, {@code rem_address}, {@code st}, {@code uid}, {@code inode}, or
 * {@code columns} when there are too few) and the line itself. An {@link IllegalArgumentException}:
 * the listing skips the line, counts it as a problem and keeps the others.
 */
public final class ProcNetFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int lineNumber;
    private final String column;
    private final String line;

    public ProcNetFormatException(String file, int lineNumber, String column, String line, String problem, Throwable cause) {
        super(where(file, lineNumber) + "column " + column + ": " + problem + ": '" + line + "'", cause);
        this.file = file;
        this.lineNumber = lineNumber;
        this.column = column;
        this.line = line;
    }

    private static String where(String file, int lineNumber) {
        return (file.isEmpty() ? "" : file + ": ") + (lineNumber > 0 ? "line " + lineNumber + ": " : "");
    }

    /** The table file, or "" when not known. */
    public String file() {
        return file;
    }

    /** 1-based line number in the file (the header is line 1), or 0 when not known. */
    public int lineNumber() {
        return lineNumber;
    }

    /** The kernel's name of the column that failed. */
    public String column() {
        return column;
    }

    /** The line as read. */
    public String line() {
        return line;
    }
}
