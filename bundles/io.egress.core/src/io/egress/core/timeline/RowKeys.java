package io.egress.core.timeline;

import io.egress.core.flow.Flow;
import io.egress.core.net.IpAddresses;

/** Which top-level row a flow belongs to. */
@FunctionalInterface
public interface RowKeys {
    RowKey ownerOf(Flow flow);

    /** Offline captures: the initiating host (the side that opened the connection). */
    static RowKeys byInitiatorHost() {
        return flow -> RowKey.host(IpAddresses.format(IpAddresses.unmapV4(flow.initiator())));
    }
}
