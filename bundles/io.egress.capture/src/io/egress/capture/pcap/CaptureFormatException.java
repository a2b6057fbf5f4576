package io.egress.capture.pcap;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A capture file that cannot be read: not a pcap or pcapng file, an unsupported version, or a
 * header whose fields contradict each other. The message names the file, the byte offset and the
 * field, e.g. {@code x.pcap: offset 4: version_major: major version 1 unsupported}.
 */
public final class CaptureFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;
    private final String field;

    public CaptureFormatException(Path file, long offset, String field, String problem) {
        super(file.getFileName() + ": offset " + offset + ": " + field + ": " + problem);
        this.file = file;
        this.offset = offset;
        this.field = field;
    }

    /** The file that could not be read. */
    public Path file() { return file; }

    /** Byte offset, from the start of the file, of the field that is wrong. */
    public long offset() { return offset; }

    /** The name of the field that is wrong, as in the format's specification (e.g. {@code block_total_length}). */
    public String field() { return field; }
}
