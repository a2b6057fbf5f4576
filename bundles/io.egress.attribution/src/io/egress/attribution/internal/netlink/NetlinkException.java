package io.egress.attribution.internal.netlink;

import java.io.IOException;

/**
 * A sock_diag request that failed: a system call error, an error message from the kernel, or an
 * answer that does not parse (then {@link #field()} and {@link #offset()} say where).
 */
public final class NetlinkException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String field;
    private final int offset;

    public NetlinkException(String message, int errno) {
        super(message);
        this.errno = errno;
        this.field = "";
        this.offset = -1;
    }

    public NetlinkException(String message, Throwable cause) {
        super(message, cause);
        this.errno = 0;
        this.field = "";
        this.offset = -1;
    }

    /** A malformed answer: the field of linux/netlink.h or inet_diag.h and its offset in the datagram. */
    public NetlinkException(String field, int offset, String problem) {
        super("malformed sock_diag answer at offset " + offset + ": " + field + ": " + problem);
        this.errno = 0;
        this.field = field;
        this.offset = offset;
    }

    /** The field of a malformed answer ({@code nlmsg_len}, {@code nlmsgerr.error}, {@code inet_diag_msg}), or "". */
    public String field() {
        return field;
    }

    /** Bytes from the start of the datagram to the malformed message, or -1. */
    public int offset() {
        return offset;
    }

    /** The errno, 0 when none applies. ENOENT (2) from an exact lookup means "no such socket". */
    public int errno() {
        return errno;
    }
}
