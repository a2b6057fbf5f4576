package io.egress.attribution.internal.proc;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/** Reads the socket inodes one process holds, from {@code <pid>/fd/*} links of the form {@code socket:[inode]}. */
public final class FdScan {
    private static final System.Logger LOG = System.getLogger(FdScan.class.getName());
    private static final String SOCKET_PREFIX = "socket:[";
    /** How many fd numbers above the highest known one a targeted search tries first. */
    private static final int GROWTH_PROBE = 16;

    /** What happened when one process was read. */
    public enum Outcome {
        READ,
        /** The process exited between listing and reading. */
        VANISHED,
        /** Its fd directory may not be read (another user's process without privileges). */
        UNREADABLE
    }

    /**
     * The socket inodes of one process.
     *
     * @param outcome whether it could be read
     * @param inodes  socket inodes (unsigned), empty unless READ
     * @param fdTargets for a full read: every fd number and the socket inode it held (0 for other files);
     *                for a targeted search that found its socket: that one fd
     */
    public record Result(Outcome outcome, long[] inodes, Map<Integer, Long> fdTargets) {
        Result(Outcome outcome, long[] inodes) {
            this(outcome, inodes, Map.of());
        }
    }

    private final ProcFs fs;

    public FdScan(ProcFs fs) {
        this.fs = fs;
    }

    /** Reads one process; never throws for a process that is gone or unreadable. */
    public Result scan(long pid) {
        String fdDir = pid + "/fd";
        List<String> fds;
        try {
            fds = fs.list(fdDir);
        } catch (NoSuchFileException e) {
            LOG.log(Level.TRACE, "process {0} exited before its fds were read", pid);
            return new Result(Outcome.VANISHED, new long[0]);
        } catch (AccessDeniedException e) {
            LOG.log(Level.TRACE, "fd directory of process {0} not readable", pid);
            return new Result(Outcome.UNREADABLE, new long[0]);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot list fds of process " + pid, e);
            return new Result(Outcome.UNREADABLE, new long[0]);
        }
        long[] inodes = new long[fds.size()];
        Map<Integer, Long> targets = new HashMap<>();
        int n = 0;
        for (String fd : fds) {
            String target;
            try {
                target = fs.readLink(fdDir + "/" + fd);
            } catch (NoSuchFileException e) {
                // the fd was closed (or the process exited) while we read: simply not held any more
                continue;
            } catch (AccessDeniedException e) {
                return new Result(Outcome.UNREADABLE, new long[0]);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "cannot read fd link " + fdDir + "/" + fd, e);
                continue;
            }
            long inode = socketInode(target);
            if (inode != 0) {
                inodes[n++] = inode;
            }
            int number = number(fd);
            if (number != Integer.MAX_VALUE) {
                targets.put(number, inode);
            }
        }
        long[] exact = new long[n];
        System.arraycopy(inodes, 0, exact, 0, n);
        return new Result(Outcome.READ, exact, targets);
    }

    /**
     * Whether a known process holds one socket, reading as few fd links as possible and without
     * listing its fd directory (slow with thousands of fds). The kernel gives a new fd the lowest
     * free number, so the likely places are tried first: numbers that were free at the last full
     * read (holes, and just above the highest), then fds whose socket has since closed, then the
     * rest; it stops at the first match. Numbers beyond the probed range are found by a listing.
     *
     * @param known   fd number -> socket inode (0 for other files) at the last read of this process
     * @param closed  true for a socket inode that is known to have closed since
     * @return READ with the inode and its fd when found, READ with none when not held, or VANISHED/UNREADABLE
     */
    public Result find(long pid, long inode, Map<Integer, Long> known, LongPredicate closed) {
        String fdDir = pid + "/fd";
        int highest = -1;
        for (int fd : known.keySet()) {
            highest = Math.max(highest, fd);
        }
        int probeTo = highest + GROWTH_PROBE;
        List<Integer> order = new ArrayList<>(probeTo + 1);
        List<Integer> freed = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int fd = 0; fd <= probeTo; fd++) {
            Long was = known.get(fd);
            if (was == null) {
                order.add(fd);
            } else if (was == 0 || closed.test(was)) {
                freed.add(fd);
            } else {
                rest.add(fd);
            }
        }
        order.addAll(freed);
        order.addAll(rest);
        for (int fd : order) {
            try {
                if (socketInode(fs.readLink(fdDir + "/" + fd)) == inode) {
                    return new Result(Outcome.READ, new long[] {inode}, Map.of(fd, inode));
                }
            } catch (NoSuchFileException e) {
                // no such fd (or the process exited: the listing below tells); either way not the one
                continue;
            } catch (AccessDeniedException e) {
                return new Result(Outcome.UNREADABLE, new long[0]);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "cannot read fd link " + fdDir + "/" + fd, e);
            }
        }
        List<String> fds;
        try {
            fds = fs.list(fdDir);
        } catch (NoSuchFileException e) {
            return new Result(Outcome.VANISHED, new long[0]);
        } catch (IOException e) {
            LOG.log(Level.TRACE, "fd directory of process {0} not readable: {1}", pid, e);
            return new Result(Outcome.UNREADABLE, new long[0]);
        }
        for (String fd : fds) {
            int number = number(fd);
            if (number <= probeTo) {
                continue; // already probed
            }
            try {
                if (socketInode(fs.readLink(fdDir + "/" + fd)) == inode) {
                    return new Result(Outcome.READ, new long[] {inode}, Map.of(number, inode));
                }
            } catch (NoSuchFileException e) {
                continue; // closed meanwhile
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "cannot read fd link " + fdDir + "/" + fd, e);
            }
        }
        return new Result(Outcome.READ, new long[0]);
    }

    private static int number(String fd) {
        try {
            return Integer.parseInt(fd);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // not an fd number: look at it last
        }
    }

    /** The inode in {@code socket:[123]}, or 0 when the link is not a socket. */
    static long socketInode(String target) {
        if (!target.startsWith(SOCKET_PREFIX) || !target.endsWith("]")) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(target, SOCKET_PREFIX.length(), target.length() - 1, 10);
        } catch (NumberFormatException e) {
            LOG.log(Level.DEBUG, "odd socket link text " + target, e);
            return 0;
        }
    }

    /** Numeric entries of the proc root: the pids. */
    public List<Long> listPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (String name : fs.list("")) {
            if (!name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
                pids.add(Long.parseLong(name));
            }
        }
        return pids;
    }
}
