package io.egress.core.timeline;

import io.egress.core.flow.IpProtocols;
import io.egress.core.net.IpAddresses;

/**
 * Where an owner's connections go: responder address, protocol and port. All flows of an owner to
 * the same key form one destination row (the beacon's repeated connections line up there).
 */
public record DestinationKey(String address, boolean ipv6, int protocol, int port) {

    public static DestinationKey of(byte[] responder, int protocol, int port) {
        return new DestinationKey(IpAddresses.format(responder), responder.length == 16, protocol, port);
    }

    public String label() {
        String proto = IpProtocols.name(protocol);
        if (!IpProtocols.hasPorts(protocol)) {
            return proto + " " + address;
        }
        return proto + " " + (ipv6 ? "[" + address + "]:" + port : address + ":" + port);
    }
}
