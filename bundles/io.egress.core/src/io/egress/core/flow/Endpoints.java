package io.egress.core.flow;

import io.egress.core.net.IpAddresses;

/** Text forms of flow endpoints. */
final class Endpoints {
    private Endpoints() {
    }

    static String format(byte[] address, int port) {
        return IpAddresses.formatEndpoint(address, port);
    }
}
