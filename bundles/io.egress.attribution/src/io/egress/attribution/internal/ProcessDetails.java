package io.egress.attribution.internal;

import io.egress.attribution.internal.oshi.OshiProcessReader;
import io.egress.attribution.internal.proc.ProcProcessReader;
import io.egress.core.process.ExecutableState;
import io.egress.core.process.ProcessInfo;
import io.egress.core.process.ProcessKey;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Process details, cached by (pid, start time) so that a reused pid is never confused with the
 * process that had it before. On Linux the start time comes from {@code /proc/PID/stat} (cheap and
 * exact); OSHI, when enabled, supplies name, path, command line and user, and /proc fills what it
 * lacks (deleted or replaced executable, uid). Without /proc only OSHI is used, uncached, because
 * reading the start time there costs as much as reading everything.
 */
public final class ProcessDetails {
    private static final System.Logger LOG = System.getLogger(ProcessDetails.class.getName());

    private final Optional<ProcProcessReader> proc;
    private final Optional<OshiProcessReader> oshi;
    private final boolean read;
    private final Map<ProcessKey, ProcessInfo> cache = new ConcurrentHashMap<>();

    /**
     * @param proc the /proc reader (Linux), empty elsewhere
     * @param oshi the OSHI reader when OSHI may be used
     * @param read false to skip details altogether: every process is then only its pid
     */
    public ProcessDetails(Optional<ProcProcessReader> proc, Optional<OshiProcessReader> oshi, boolean read) {
        this.proc = proc;
        this.oshi = oshi;
        this.read = read;
    }

    /** Details of a live process; empty when it is gone (or nothing can read it). */
    public Optional<ProcessInfo> get(long pid) {
        if (!read) {
            return Optional.of(ProcessInfo.onlyPid(pid));
        }
        if (proc.isEmpty()) {
            return oshi.flatMap(o -> o.read(pid));
        }
        Optional<ProcessKey> key = proc.get().key(pid);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        ProcessInfo cached = cache.get(key.get());
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ProcessInfo> fresh = readFresh(pid, key.get());
        fresh.ifPresent(info -> cache.put(key.get(), info));
        return fresh;
    }

    /** Drops cached processes that are not among the given ones (called after each snapshot). */
    public void retainOnly(Collection<ProcessKey> inUse) {
        Set<ProcessKey> keep = new HashSet<>(inUse);
        cache.keySet().retainAll(keep);
    }

    /** Number of cached processes. */
    public int cached() {
        return cache.size();
    }

    private Optional<ProcessInfo> readFresh(long pid, ProcessKey key) {
        ProcProcessReader p = proc.orElseThrow();
        if (oshi.isEmpty()) {
            return p.read(pid);
        }
        Optional<ProcessInfo> fromOshi;
        try {
            fromOshi = oshi.get().read(pid);
        } catch (RuntimeException e) {
            // OSHI failing on one process must not lose the row: /proc still answers
            LOG.log(Level.WARNING, "OSHI could not read process " + pid + ", using /proc", e);
            fromOshi = Optional.empty();
        }
        if (fromOshi.isEmpty()) {
            return p.read(pid);
        }
        ProcessInfo o = fromOshi.get();
        ExecutableState exe = p.executableState(pid);
        int uid = o.uid();
        String user = o.user();
        String name = o.name();
        String commandLine = o.commandLine();
        // /proc's command line is the whole argument vector; OSHI's stops at the first newline, which
        // hides exactly the multi-line "python3 -c" one-liners an analyst needs to read
        Optional<ProcessInfo> fromProc = p.read(pid);
        if (fromProc.isPresent()) {
            uid = uid == ProcessInfo.UNKNOWN ? fromProc.get().uid() : uid;
            user = user.isEmpty() ? fromProc.get().user() : user;
            name = name.isEmpty() ? fromProc.get().name() : name;
            commandLine = fromProc.get().commandLine().isEmpty() ? commandLine : fromProc.get().commandLine();
        }
        return Optional.of(new ProcessInfo(pid, key.startTimeMillis(), name, o.exePath(), commandLine, user, uid,
                o.parentPid(), exe, "oshi+proc"));
    }
}
