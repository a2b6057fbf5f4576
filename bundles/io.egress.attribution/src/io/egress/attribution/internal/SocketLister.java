package io.egress.attribution.internal;

import java.io.UncheckedIOException;

/** Lists the kernel's TCP and UDP sockets from one source (/proc, netlink, OSHI). */
public interface SocketLister {
    /** A short id for snapshots and logs: "proc", "netlink", "oshi". */
    String id();

    /** True when this source reports owning pids itself (then no fd scan is needed). */
    boolean reportsOwners();

    /**
     * Lists the sockets.
     *
     * @throws UncheckedIOException when nothing at all can be listed
     */
    SocketListing list();
}
