package io.egress.attribution.internal.oshi;

import io.egress.core.process.ExecutableState;
import io.egress.core.process.ProcessInfo;
import java.util.Optional;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** Process details through OSHI (portable; on Linux it reads /proc itself). */
public final class OshiProcessReader {
    private final OshiSystem system;

    public OshiProcessReader(OshiSystem system) {
        this.system = system;
    }

    /** Details of a live process, empty once it is gone. */
    public Optional<ProcessInfo> read(long pid) {
        if (pid > Integer.MAX_VALUE) {
            return Optional.empty(); // OSHI's pids are ints
        }
        OperatingSystem os = system.os();
        OSProcess p = os.getProcess((int) pid);
        if (p == null) {
            return Optional.empty();
        }
        int uid = parseUid(p.getUserID());
        long start = p.getStartTime() > 0 ? p.getStartTime() : ProcessInfo.UNKNOWN;
        return Optional.of(new ProcessInfo(pid, start, text(p.getName()), text(p.getPath()), text(p.getCommandLine()),
                text(p.getUser()), uid, p.getParentProcessID(), ExecutableState.UNKNOWN, "oshi"));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static int parseUid(String uid) {
        if (uid == null || uid.isEmpty() || !uid.chars().allMatch(Character::isDigit)) {
            return ProcessInfo.UNKNOWN; // Windows gives SIDs
        }
        return (int) Long.parseLong(uid);
    }
}
