package io.egress.attribution.internal.proc;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The network namespace of each process, from {@code /proc/PID/ns/net} (link text {@code net:[N]}).
 * Sockets live in one namespace; processes in containers see other sockets than the host.
 * Not thread-safe: owned by {@link InodeOwnerIndex}.
 */
final class NetNamespaces {
    private static final System.Logger LOG = System.getLogger(NetNamespaces.class.getName());
    private static final String PREFIX = "net:[";

    private final ProcFs fs;
    private final Map<Long, Long> byPid = new HashMap<>();

    NetNamespaces(ProcFs fs) {
        this.fs = fs;
    }

    /** Reads (or re-reads) the namespace of a process; unknown stays absent. */
    void read(long pid) {
        long ns = namespaceOf(fs, pid + "/ns/net");
        if (ns != 0) {
            byPid.put(pid, ns);
        } else {
            byPid.remove(pid);
        }
    }

    long netNamespaceOf(long pid) {
        return byPid.getOrDefault(pid, 0L);
    }

    Map<Long, Long> onePidPerNamespace() {
        Map<Long, Long> out = new HashMap<>();
        byPid.forEach((pid, ns) -> out.merge(ns, pid, Math::min));
        return out;
    }

    void retainOnly(Set<Long> live) {
        byPid.keySet().retainAll(live);
    }

    /** The namespace inode a {@code ns/net} link names, 0 when it cannot be read. */
    static long namespaceOf(ProcFs fs, String link) {
        try {
            String text = fs.readLink(link);
            if (text.startsWith(PREFIX) && text.endsWith("]")) {
                return Long.parseUnsignedLong(text, PREFIX.length(), text.length() - 1, 10);
            }
            LOG.log(Level.DEBUG, "odd namespace link {0}: {1}", link, text);
        } catch (NoSuchFileException | AccessDeniedException e) {
            // gone, or another user's process: namespace unknown
            return 0;
        } catch (IOException | NumberFormatException e) {
            LOG.log(Level.DEBUG, "cannot read " + link, e);
        }
        return 0;
    }
}
