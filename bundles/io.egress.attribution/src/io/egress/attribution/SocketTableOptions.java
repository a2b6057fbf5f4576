package io.egress.attribution;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link SocketTableService} reads the socket table.
 *
 * @param procRoot       the proc file system to read; {@code /proc} on a real machine, a fixture
 *                       directory in tests (then OSHI and netlink, which read the real machine, are not used)
 * @param listing        which source lists the sockets
 * @param processDetails whether to read process details (name, path, command line, user...); when
 *                       false, connections carry only the pid
 * @param fullPassEvery  read every process's open files on every n-th snapshot, and in between only
 *                       new processes and as many others as needed to place new sockets (1 = always all)
 */
public record SocketTableOptions(Path procRoot, Listing listing, boolean processDetails, int fullPassEvery) {

    /** The real {@code /proc}. */
    public static final Path SYSTEM_PROC = Path.of("/proc");

    public SocketTableOptions {
        Objects.requireNonNull(procRoot, "procRoot");
        Objects.requireNonNull(listing, "listing");
        if (fullPassEvery < 1) {
            throw new IllegalArgumentException("fullPassEvery must be >= 1: " + fullPassEvery);
        }
    }

    /** This machine, best listing, with process details, a full pass every 30 snapshots. */
    public static SocketTableOptions defaults() {
        return new SocketTableOptions(SYSTEM_PROC, Listing.AUTO, true, 30);
    }

    public SocketTableOptions withProcRoot(Path root) {
        return new SocketTableOptions(root, listing, processDetails, fullPassEvery);
    }

    public SocketTableOptions withListing(Listing l) {
        return new SocketTableOptions(procRoot, l, processDetails, fullPassEvery);
    }

    public SocketTableOptions withProcessDetails(boolean read) {
        return new SocketTableOptions(procRoot, listing, read, fullPassEvery);
    }

    public SocketTableOptions withFullPassEvery(int n) {
        return new SocketTableOptions(procRoot, listing, processDetails, n);
    }

    /** True when the options describe this machine (so OSHI and netlink may be used). */
    public boolean isSystemProc() {
        return procRoot.toAbsolutePath().normalize().equals(SYSTEM_PROC);
    }
}
