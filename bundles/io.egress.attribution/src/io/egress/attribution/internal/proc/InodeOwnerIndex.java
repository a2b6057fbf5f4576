package io.egress.attribution.internal.proc;

import io.egress.core.progress.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps socket inodes to the pids holding them, kept up to date incrementally across refreshes.
 *
 * <p>Walking every {@code /proc/PID/fd} is what makes a socket table slow, so a refresh reads
 * only: processes not seen before, and, when some wanted inode is still unplaced, the other
 * processes (most recently active first) until every wanted inode is placed. Inodes a complete
 * pass could not place (their owner is unreadable, or they have none) are not searched again
 * until the next full pass. Every {@code fullPassEvery}-th refresh reads everything, which also
 * corrects the rare stale entry (a socket handed to another process that stays alive).
 *
 * <p>Thread-safe: refreshes are serialised.
 */
public final class InodeOwnerIndex {
    private final FdScan scanner;
    private final int fullPassEvery;

    private final Map<Long, long[]> inodesByPid = new HashMap<>();
    private final Map<Long, long[]> pidsByInode = new HashMap<>();
    private final Map<Long, Long> lastGainedSocketsAt = new HashMap<>();
    private final Set<Long> unreadablePids = new HashSet<>();
    private final Map<Long, Map<Integer, Long>> fdsByPid = new HashMap<>();
    /** The inodes of the last complete refresh: a known fd whose inode is not among them was closed. */
    private Set<Long> lastListed = Set.of();
    private final Set<Long> unplaceable = new HashSet<>();
    private final NetNamespaces namespaces;
    private final ProcFs fsForNamespaces;
    private Set<Long> knownPids = Set.of();
    private long refreshes;
    /** Counts every update and every socket gain, so "most recently active" has no ties. */
    private long activity;

    /**
     * @param fs            the proc tree
     * @param fullPassEvery read all processes every n-th refresh; 1 reads everything every time
     */
    public InodeOwnerIndex(ProcFs fs, int fullPassEvery) {
        if (fullPassEvery < 1) {
            throw new IllegalArgumentException("fullPassEvery must be >= 1: " + fullPassEvery);
        }
        this.scanner = new FdScan(fs);
        this.namespaces = new NetNamespaces(fs);
        this.fsForNamespaces = fs;
        this.fullPassEvery = fullPassEvery;
    }

    /**
     * Brings the index up to date for the wanted inodes and returns the owners of those.
     *
     * @param wanted   socket inodes of interest (0 is ignored: such sockets have no owner)
     * @param progress reports processes read; cancelling stops early with what is known
     * @throws UncheckedIOException when the proc root cannot be listed at all
     */
    public synchronized InodeOwners refresh(Collection<Long> wanted, Progress progress) {
        return update(wanted, progress, true);
    }

    /**
     * As {@link #refresh(Collection, Progress)}; with {@code complete} false the wanted inodes are
     * only part of the table (another namespace's), so nothing is forgotten and no pass is counted.
     */
    public synchronized InodeOwners refresh(Collection<Long> wanted, Progress progress, boolean complete) {
        return update(wanted, progress, complete);
    }

    /**
     * Finds the owners of one socket now (packet-triggered lookup): reads new processes, then
     * others, most recently active first, until the inode is placed. Does not count as a refresh.
     */
    public synchronized InodeOwners locate(long inode, Progress progress) {
        unplaceable.remove(inode);
        return update(List.of(inode), progress, false);
    }

    /**
     * As {@link #locate(long, Progress)} but reads only processes not seen before: for a socket
     * whose owner is probably unreadable anyway (another user's, without privileges), so that each
     * lookup does not cost a pass over every readable process.
     */
    public synchronized InodeOwners locateAmongNew(long inode, Progress progress) {
        unplaceable.add(inode);
        try {
            return update(List.of(inode), progress, false);
        } finally {
            unplaceable.remove(inode);
        }
    }

    /** Live processes whose fd directory could not be read at their last read. */
    public synchronized int unreadableProcesses() {
        return unreadablePids.size();
    }

    /** The network namespace the reading process is in ({@code self/ns/net}), 0 when unknown. */
    public long ownNetNamespace() {
        return NetNamespaces.namespaceOf(fsForNamespaces, "self/ns/net");
    }

    /** The network namespace inode of a process as last read, or 0 when unknown. */
    public synchronized long netNamespaceOf(long pid) {
        return namespaces.netNamespaceOf(pid);
    }

    /** One live pid per network namespace seen in the last refresh (to read that namespace's tables). */
    public synchronized Map<Long, Long> pidPerNetNamespace() {
        return namespaces.onePidPerNamespace();
    }

    private InodeOwners update(Collection<Long> wanted, Progress progress, boolean isRefresh) {
        List<Long> pids;
        try {
            pids = scanner.listPids();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list processes", e);
        }
        Set<Long> live = new HashSet<>(pids);
        forgetExited(live);
        boolean fullPass = isRefresh && refreshes++ % fullPassEvery == 0;
        Counts counts = new Counts(progress, pids.size());

        List<Long> newPids = new ArrayList<>();
        List<Long> oldPids = new ArrayList<>();
        for (Long pid : pids) {
            (fullPass || !knownPids.contains(pid) ? newPids : oldPids).add(pid);
        }
        if (fullPass) {
            unplaceable.clear();
        }
        scanAll(newPids, counts);
        Set<Long> missing = missing(wanted);
        if (!missing.isEmpty() && !oldPids.isEmpty() && !progress.isCanceled()) {
            oldPids.sort(Comparator.comparingLong((Long p) -> lastGainedSocketsAt.getOrDefault(p, -1L)).reversed());
            for (Long pid : oldPids) {
                if (progress.isCanceled()) {
                    break;
                }
                if (!isRefresh && missing.size() == 1) {
                    findOne(pid, missing.iterator().next(), counts);
                } else {
                    scanOne(pid, counts);
                }
                missing.removeIf(pidsByInode::containsKey);
                if (missing.isEmpty()) {
                    break;
                }
            }
        }
        if (!progress.isCanceled()) {
            unplaceable.addAll(missing);
            if (isRefresh) {
                unplaceable.retainAll(new HashSet<>(wanted));
            }
        }
        if (isRefresh) {
            lastListed = new HashSet<>(wanted);
        }
        knownPids = live;
        Map<Long, long[]> result = new HashMap<>();
        for (Long inode : wanted) {
            long[] owners = pidsByInode.get(inode);
            if (owners != null) {
                result.put(inode, owners);
            }
        }
        return new InodeOwners(result, counts.scanned, counts.vanished, unreadablePids.size());
    }

    /** Number of processes whose fds are currently indexed. */
    public synchronized int indexedProcesses() {
        return inodesByPid.size();
    }

    private Set<Long> missing(Collection<Long> wanted) {
        Set<Long> missing = new HashSet<>();
        for (Long inode : wanted) {
            if (inode != 0 && !pidsByInode.containsKey(inode) && !unplaceable.contains(inode)) {
                missing.add(inode);
            }
        }
        return missing;
    }

    private void scanAll(List<Long> pids, Counts counts) {
        for (Long pid : pids) {
            if (counts.progress.isCanceled()) {
                return;
            }
            scanOne(pid, counts);
        }
    }

    /** Looks for one inode in a known process without re-reading all its fds. */
    private void findOne(long pid, long inode, Counts counts) {
        Map<Integer, Long> known = fdsByPid.getOrDefault(pid, Map.of());
        Set<Long> listed = lastListed;
        FdScan.Result r = scanner.find(pid, inode, known, was -> !listed.contains(was));
        counts.scanned++;
        switch (r.outcome()) {
            case READ -> {
                if (r.inodes().length == 1) {
                    fdsByPid.computeIfAbsent(pid, p -> new HashMap<>()).putAll(r.fdTargets());
                    long[] before = inodesByPid.getOrDefault(pid, new long[0]);
                    long[] more = Arrays.copyOf(before, before.length + 1);
                    more[before.length] = inode;
                    inodesByPid.put(pid, more);
                    addOwner(inode, pid);
                    lastGainedSocketsAt.put(pid, ++activity);
                }
            }
            case VANISHED -> {
                counts.vanished++;
                replace(pid, new long[0]);
                fdsByPid.remove(pid);
            }
            case UNREADABLE -> {
                unreadablePids.add(pid);
                replace(pid, new long[0]);
                fdsByPid.remove(pid);
            }
        }
    }

    private void scanOne(long pid, Counts counts) {
        FdScan.Result r = scanner.scan(pid);
        if (r.outcome() == FdScan.Outcome.READ) {
            namespaces.read(pid);
        }
        counts.scanned++;
        counts.progress.worked(counts.scanned, counts.total);
        switch (r.outcome()) {
            case READ -> {
                unreadablePids.remove(pid);
                replace(pid, r.inodes());
                fdsByPid.put(pid, new HashMap<>(r.fdTargets()));
            }
            case VANISHED -> {
                counts.vanished++;
                unreadablePids.remove(pid);
                replace(pid, new long[0]);
            }
            case UNREADABLE -> {
                unreadablePids.add(pid);
                replace(pid, new long[0]);
            }
        }
    }

    private void replace(long pid, long[] inodes) {
        long[] before = inodesByPid.remove(pid);
        if (before != null) {
            for (long inode : before) {
                removeOwner(inode, pid);
            }
        }
        if (inodes.length > 0) {
            inodesByPid.put(pid, inodes);
            boolean gained = false;
            for (long inode : inodes) {
                gained |= addOwner(inode, pid) && (before == null || Arrays.stream(before).noneMatch(b -> b == inode));
            }
            if (gained) {
                lastGainedSocketsAt.put(pid, ++activity);
            }
        }
    }

    private void forgetExited(Set<Long> live) {
        for (Long pid : new ArrayList<>(inodesByPid.keySet())) {
            if (!live.contains(pid)) {
                replace(pid, new long[0]);
            }
        }
        unreadablePids.retainAll(live);
        namespaces.retainOnly(live);
        lastGainedSocketsAt.keySet().retainAll(live);
        fdsByPid.keySet().retainAll(live);
    }

    private boolean addOwner(long inode, long pid) {
        long[] pids = pidsByInode.get(inode);
        if (pids == null) {
            pidsByInode.put(inode, new long[] {pid});
            return true;
        }
        if (Arrays.stream(pids).anyMatch(p -> p == pid)) {
            return false;
        }
        long[] more = Arrays.copyOf(pids, pids.length + 1);
        more[pids.length] = pid;
        Arrays.sort(more);
        pidsByInode.put(inode, more);
        return true;
    }

    private void removeOwner(long inode, long pid) {
        long[] pids = pidsByInode.get(inode);
        if (pids == null) {
            return;
        }
        long[] fewer = Arrays.stream(pids).filter(p -> p != pid).toArray();
        if (fewer.length == 0) {
            pidsByInode.remove(inode);
        } else {
            pidsByInode.put(inode, fewer);
        }
    }

    /** Per-refresh tallies. */
    private static final class Counts {
        final Progress progress;
        final int total;
        int scanned;
        int vanished;

        Counts(Progress progress, int total) {
            this.progress = progress;
            this.total = total;
        }
    }
}
