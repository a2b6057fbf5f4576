package io.egress.attribution.internal.proc;

import java.util.Map;

/**
 * Which pids held which socket inode at one refresh, and what could not be seen. Several pids can
 * hold one socket (after fork, or an fd passed over a Unix socket). Immutable.
 *
 * @param owners            inode to the pids holding it, ascending
 * @param processesScanned  processes whose fds were read during this refresh
 * @param processesVanished processes that exited between listing and reading
 * @param fdDirsUnreadable  live processes whose fd directory cannot be read
 */
public record InodeOwners(Map<Long, long[]> owners, int processesScanned, int processesVanished, int fdDirsUnreadable) {
    private static final long[] NONE = new long[0];

    public InodeOwners {
        owners = Map.copyOf(owners);
    }

    /** The pids holding the inode, ascending; empty when none was seen. */
    public long[] of(long inode) {
        return owners.getOrDefault(inode, NONE).clone();
    }
}
