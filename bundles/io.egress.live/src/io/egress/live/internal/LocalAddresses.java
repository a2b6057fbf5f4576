package io.egress.live.internal;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * This machine's addresses, to tell which end of a flow is ours. When the sender of a flow's first
 * packet is local, the flow belongs to the sender's socket; on loopback both ends are local and
 * the receiver is a listener that did not start the conversation, so it is never named instead.
 */
public final class LocalAddresses {
    private static final System.Logger LOG = System.getLogger(LocalAddresses.class.getName());

    private volatile Set<InetAddress> addresses = Set.of();

    public LocalAddresses() {
        refresh();
    }

    /** Re-reads the interfaces' addresses (they change when a link comes up or DHCP renews). */
    public void refresh() {
        Set<InetAddress> found = new HashSet<>();
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                n.inetAddresses().forEach(found::add);
            }
        } catch (SocketException e) {
            LOG.log(Level.WARNING, "interface addresses could not be read; only loopback counts as local: {0}", e.getMessage());
        }
        addresses = Set.copyOf(found);
    }

    public boolean isLocal(InetAddress address) {
        return address.isLoopbackAddress() || addresses.contains(address);
    }
}
