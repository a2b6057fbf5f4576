package io.egress.attribution.internal.netlink;

import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;

/** Fuzzing access to the package-private conversion of a sock_diag record to a socket entry. */
public final class DiagRecordsProbe {
    private DiagRecordsProbe() {
    }

    public static SocketEntry toEntry(DiagRecord r, Protocol protocol) {
        return NetlinkSocketLister.toEntry(r, protocol);
    }
}
