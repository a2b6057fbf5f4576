package io.egress.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.egress.core.socket.IpFamily;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;
import io.egress.core.socket.SocketState;
import java.net.InetAddress;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TupleMatchTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    private static SocketEntry tcp(SocketState state, long inode) {
        return new SocketEntry(Protocol.TCP, IpFamily.IPV4, false, LO, 40000, LO, 8080, state, 0, inode, OptionalLong.empty(),
                OptionalLong.empty());
    }

    @Test
    void aReusedTupleMeansTheNewConnectionNotItsTimeWaitPredecessor() {
        // loopback reuses TIME_WAIT tuples (tcp_tw_reuse): both are listed, the old one first
        SocketEntry old = tcp(SocketState.TIME_WAIT, 0);
        SocketEntry fresh = tcp(SocketState.SYN_SENT, 123456);

        assertEquals(fresh, TupleMatch.find(List.of(old, fresh), Protocol.TCP, LO, 40000, LO, 8080).orElseThrow());
        assertEquals(old, TupleMatch.find(List.of(old), Protocol.TCP, LO, 40000, LO, 8080).orElseThrow(),
                "alone, the TIME_WAIT socket is still the answer (no owner: never a guess)");
    }
}
