package io.egress.capture.internal.live;

import java.lang.System.Logger.Level;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ends the capture of an interface that is set down: libpcap reports an interface that
 * disappears, but one merely set down leaves its loop waiting forever. Checks once a second;
 * pseudo-interfaces the JVM does not know ("any", "nflog") are not watched.
 */
final class LinkWatcher implements Runnable {
    private static final System.Logger LOG = System.getLogger(LinkWatcher.class.getName());
    private static final long PERIOD_MILLIS = 1000;

    private final List<InterfaceRunner> runners;
    private final Set<String> watched = new HashSet<>();

    LinkWatcher(List<InterfaceRunner> runners) {
        this.runners = runners;
        for (InterfaceRunner r : runners) {
            if (state(r.name()) == Boolean.TRUE) {
                watched.add(r.name());
            }
        }
    }

    boolean watchesAny() {
        return !watched.isEmpty();
    }

    @Override
    public void run() {
        while (runners.stream().anyMatch(InterfaceRunner::isRunning)) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (InterfaceRunner r : runners) {
                if (watched.contains(r.name()) && r.isRunning() && state(r.name()) != Boolean.TRUE) {
                    LOG.log(Level.INFO, "{0} went down: ending its capture", r.name());
                    r.abort("the interface went down");
                }
            }
        }
    }

    /** TRUE up, FALSE down, null when the JVM does not know the interface (gone, or a pseudo-device). */
    private static Boolean state(String name) {
        try {
            NetworkInterface n = NetworkInterface.getByName(name);
            return n == null ? null : n.isUp();
        } catch (SocketException e) {
            return null;
        }
    }
}
