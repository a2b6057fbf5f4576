package io.egress.capture.live;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * A network interface that can be captured on.
 *
 * @param name        the name to pass to {@link CaptureRequest} (e.g. {@code lo}, {@code eth0})
 * @param description libpcap's description, {@code ""} when it has none
 * @param addresses   IPv4 and IPv6 addresses of the interface (may be empty)
 * @param up          the interface is administratively up
 * @param running     the interface is up and has a carrier (libpcap's RUNNING flag)
 * @param loopback    the loopback interface
 */
public record LiveInterface(String name, String description, List<InetAddress> addresses, boolean up, boolean running,
        boolean loopback) {

    public LiveInterface {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        addresses = List.copyOf(addresses);
    }

    /** "up", "up, no carrier" or "down". */
    public String stateText() {
        if (!up) {
            return "down";
        }
        return running ? "up" : "up, no carrier";
    }
}
