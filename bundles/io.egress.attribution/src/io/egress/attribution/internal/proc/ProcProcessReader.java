package io.egress.attribution.internal.proc;

import io.egress.core.process.ExecutableState;
import io.egress.core.process.ProcessInfo;
import io.egress.core.process.ProcessKey;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads process details from {@code /proc/PID/{stat,status,cmdline,exe}}: the identity of a
 * process (start time) and whether its executable was deleted or replaced, which OSHI does not
 * tell; and everything else when OSHI is not used.
 */
public final class ProcProcessReader {
    private static final System.Logger LOG = System.getLogger(ProcProcessReader.class.getName());
    private static final String DELETED_SUFFIX = " (deleted)";
    /** USER_HZ: the unit of /proc start times; 100 on every Linux architecture Egress runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private final ProcFs fs;
    private volatile long bootTimeMillis = -1;

    public ProcProcessReader(ProcFs fs) {
        this.fs = fs;
    }

    /** The identity of a live process, empty when it is gone or unreadable. */
    public Optional<ProcessKey> key(long pid) {
        return stat(pid).map(s -> new ProcessKey(pid, startMillis(s.startTicks())));
    }

    /** Everything /proc tells about a process, empty when it is gone. */
    public Optional<ProcessInfo> read(long pid) {
        Optional<ProcStat> stat = stat(pid);
        if (stat.isEmpty()) {
            return Optional.empty();
        }
        ProcStat s = stat.get();
        int uid = uid(pid);
        String exe = exeLink(pid);
        String path = exe.endsWith(DELETED_SUFFIX) ? exe.substring(0, exe.length() - DELETED_SUFFIX.length()) : exe;
        return Optional.of(new ProcessInfo(pid, startMillis(s.startTicks()), s.comm(), path, commandLine(pid),
                userName(pid, uid), uid, s.parentPid(), executableState(pid), "proc"));
    }

    /**
     * Whether the running executable is still the file at its path: the kernel marks an unlinked
     * file with " (deleted)"; a file replaced by rename has a different inode than the one mapped.
     */
    public ExecutableState executableState(long pid) {
        String link = exeLink(pid);
        if (link.isEmpty()) {
            return ExecutableState.UNKNOWN;
        }
        if (link.endsWith(DELETED_SUFFIX)) {
            return ExecutableState.DELETED;
        }
        try {
            ProcFs.FileId running = fs.fileId(pid + "/exe");
            if (running.links() == 0) {
                return ExecutableState.DELETED;
            }
            ProcFs.FileId onDisk = fs.fileIdOutside(Path.of(link));
            boolean same = running.inode() == onDisk.inode() && running.device() == onDisk.device();
            return same ? ExecutableState.PRESENT : ExecutableState.REPLACED;
        } catch (NoSuchFileException e) {
            // the path no longer exists although the kernel did not say "(deleted)": a rename over it
            return ExecutableState.REPLACED;
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot compare executable of " + pid, e);
            return ExecutableState.UNKNOWN;
        }
    }

    /** Epoch milliseconds of a start time given in ticks after boot. */
    long startMillis(long startTicks) {
        long boot = bootTimeMillis();
        return boot < 0 ? ProcessInfo.UNKNOWN : boot + startTicks * 1000 / TICKS_PER_SECOND;
    }

    private long bootTimeMillis() {
        long boot = bootTimeMillis;
        if (boot < 0) {
            boot = readBootTime();
            bootTimeMillis = boot;
        }
        return boot;
    }

    private long readBootTime() {
        try {
            for (String line : new String(fs.read("stat"), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith("btime ")) {
                    return Long.parseLong(line.substring(6).trim()) * 1000;
                }
            }
            LOG.log(Level.DEBUG, "no btime in {0}", fs.root().resolve("stat"));
        } catch (IOException | NumberFormatException e) {
            LOG.log(Level.DEBUG, "cannot read boot time", e);
        }
        return -1;
    }

    private Optional<ProcStat> stat(long pid) {
        try {
            return Optional.of(ProcStat.parse(new String(fs.read(pid + "/stat"), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.DEBUG, "cannot read stat of " + pid, e);
            return Optional.empty();
        }
    }

    private int uid(long pid) {
        return uid(Long.toString(pid));
    }

    /** The real uid of a process directory ("1234" or "self"), or {@link ProcessInfo#UNKNOWN}. */
    public int uid(String pidDir) {
        try {
            for (String line : new String(fs.read(pidDir + "/status"), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (NoSuchFileException e) {
            return ProcessInfo.UNKNOWN; // exited meanwhile
        } catch (IOException | NumberFormatException e) {
            LOG.log(Level.DEBUG, "cannot read uid of " + pidDir, e);
        }
        return ProcessInfo.UNKNOWN;
    }

    private String commandLine(long pid) {
        try {
            byte[] raw = fs.read(pid + "/cmdline");
            int end = raw.length;
            while (end > 0 && raw[end - 1] == 0) {
                end--;
            }
            return new String(raw, 0, end, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (NoSuchFileException | AccessDeniedException e) {
            return "";
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot read command line of " + pid, e);
            return "";
        }
    }

    private String exeLink(long pid) {
        try {
            return fs.readLink(pid + "/exe");
        } catch (NoSuchFileException | AccessDeniedException e) {
            // kernel threads have no exe; other users' processes need privileges
            return "";
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot read exe of " + pid, e);
            return "";
        }
    }

    private String userName(long pid, int uid) {
        try {
            return Files.getOwner(fs.root().resolve(Long.toString(pid))).getName();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.TRACE, "no owner name for " + pid, e);
            return uid < 0 ? "" : Integer.toString(uid);
        }
    }
}
