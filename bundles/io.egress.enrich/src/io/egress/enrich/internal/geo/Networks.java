package io.egress.enrich.internal.geo;

import com.maxmind.db.Network;

import io.egress.core.net.IpAddresses;

/** CIDR text for the library's network objects, in Egress's canonical address form. */
final class Networks {
    private Networks() {
    }

    static String cidr(Network network) {
        if (network == null) {
            return null;
        }
        return IpAddresses.format(network.getNetworkAddress().getAddress()) + "/" + network.getPrefixLength();
    }
}
