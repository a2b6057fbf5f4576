package io.egress.attribution.internal.netlink;

import java.io.IOException;

/** A sock_diag request that failed: a system call error or an error message from the kernel. */
public final class NetlinkException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    public NetlinkException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    public NetlinkException(String message, Throwable cause) {
        super(message, cause);
        this.errno = 0;
    }

    /** The errno, 0 when none applies. ENOENT (2) from an exact lookup means "no such socket". */
    public int errno() {
        return errno;
    }
}
