package io.egress.capture.live;

import io.egress.core.flow.FlowKey;
import java.net.InetAddress;
import java.util.Objects;

/**
 * The first packet of a flow the engine had not seen before, as sent: {@code source} sent it to
 * {@code destination}. For TCP this is normally the SYN, so the source is the initiator.
 *
 * @param flowIndex   position of the flow in the capture's {@link io.egress.capture.FlowList}s (stable)
 * @param key         the flow's key
 * @param protocol    IP protocol number (6 TCP, 17 UDP, ...)
 * @param source      sender of the first packet
 * @param sourcePort  its port, 0 when the protocol has none
 * @param destination receiver of the first packet
 * @param destinationPort its port
 * @param timeNanos   capture time of the packet, nanoseconds since the epoch
 * @param interfaceName where it was captured
 */
public record NewFlow(int flowIndex, FlowKey key, int protocol, InetAddress source, int sourcePort, InetAddress destination,
        int destinationPort, long timeNanos, String interfaceName) {

    public NewFlow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(interfaceName, "interfaceName");
    }

    /** TCP or UDP with known ports: a flow a socket can own. */
    public boolean hasSocket() {
        return (protocol == 6 || protocol == 17) && (sourcePort != 0 || destinationPort != 0);
    }
}
