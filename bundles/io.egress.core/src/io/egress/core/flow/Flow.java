package io.egress.core.flow;

import java.util.List;
import java.util.Objects;

/**
 * An immutable snapshot of one bidirectional flow. Endpoints are oriented from the initiator (the
 * sender of the first SYN, or else of the first packet seen) to the responder; {@link #key()} gives
 * the direction-free identity. Timestamps are nanoseconds since the epoch.
 *
 * @param key            direction-free identity, VLAN ids included
 * @param initiator      the initiator's address (4 or 16 bytes)
 * @param initiatorPort  its port (0 without ports; the echo id for ICMP echo)
 * @param responder      the responder's address
 * @param responderPort  its port
 * @param forward        counters of initiator-to-responder packets
 * @param reverse        counters of responder-to-initiator packets
 * @param firstNanos     time of the first packet
 * @param lastNanos      time of the last packet
 * @param tcpState       {@link TcpState#NONE} unless TCP
 * @param retransmissions TCP segments whose data had been sent before, both directions
 * @param icmpErrors     ICMP errors seen that quote a packet of this flow
 * @param communityId    Community ID v1 (seed 0), or empty when it could not be computed
 * @param names          names attached to the flow, in the order they were seen
 * @param portsKnown     false for a TCP/UDP flow built from packets whose transport header was not
 *                       seen (fragments without their first fragment); its ports are then 0
 */
public record Flow(FlowKey key, byte[] initiator, int initiatorPort, byte[] responder, int responderPort,
        DirectionStats forward, DirectionStats reverse, long firstNanos, long lastNanos, TcpState tcpState,
        long retransmissions, long icmpErrors, String communityId, List<FlowName> names, boolean portsKnown) {

    public Flow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tcpState, "tcpState");
        Objects.requireNonNull(communityId, "communityId");
        initiator = initiator.clone();
        responder = responder.clone();
        names = List.copyOf(names);
    }

    @Override
    public byte[] initiator() { return initiator.clone(); }

    @Override
    public byte[] responder() { return responder.clone(); }

    public int protocol() { return key.protocol(); }

    public long packets() { return forward.packets() + reverse.packets(); }

    public long bytes() { return forward.bytes() + reverse.bytes(); }

    public long durationNanos() { return lastNanos - firstNanos; }

    @Override
    public String toString() {
        return IpProtocols.name(key.protocol()) + " " + Endpoints.format(initiator, initiatorPort) + " -> "
                + Endpoints.format(responder, responderPort) + " packets " + forward.packets() + "/" + reverse.packets();
    }
}
