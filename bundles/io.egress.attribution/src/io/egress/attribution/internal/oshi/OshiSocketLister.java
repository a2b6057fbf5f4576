package io.egress.attribution.internal.oshi;

import io.egress.attribution.internal.SocketListing;
import io.egress.attribution.internal.SocketLister;
import io.egress.attribution.internal.SocketEntries;
import io.egress.core.socket.Protocol;
import io.egress.core.socket.SocketEntry;
import io.egress.core.socket.SocketState;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.InternetProtocolStats.TcpState;

/** The portable socket list: OSHI's {@code getConnections()}, which carries the owning pid where the OS reports one. */
public final class OshiSocketLister implements SocketLister {
    private final OshiSystem system;

    public OshiSocketLister(OshiSystem system) {
        this.system = system;
    }

    @Override
    public String id() {
        return "oshi";
    }

    @Override
    public boolean reportsOwners() {
        return true;
    }

    @Override
    public SocketListing list() {
        List<SocketEntry> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (IPConnection c : system.os().getInternetProtocolStats().getConnections()) {
            try {
                out.add(toEntry(c));
            } catch (IllegalArgumentException e) {
                problems.add("skipped OSHI connection " + c + ": " + e.getMessage());
            }
        }
        return new SocketListing(out, problems);
    }

    static SocketEntry toEntry(IPConnection c) {
        String type = c.getType();
        Protocol protocol = type.startsWith("udp") ? Protocol.UDP : Protocol.TCP;
        boolean v6 = type.endsWith("6");
        byte[] local = raw(c.getLocalAddress(), v6);
        byte[] remote = raw(c.getForeignAddress(), v6);
        SocketState state = protocol == Protocol.UDP
                ? (c.getForeignPort() != 0 ? SocketState.CONNECTED : SocketState.UNCONNECTED)
                : state(c.getState());
        int pid = c.getowningProcessId();
        return SocketEntries.of(protocol, local, c.getLocalPort(), remote, c.getForeignPort(), state, -1, 0,
                pid >= 0 ? OptionalLong.of(pid) : OptionalLong.empty());
    }

    private static byte[] raw(byte[] address, boolean v6) {
        if (address == null || address.length == 0) {
            return new byte[v6 ? 16 : 4];
        }
        return address;
    }

    private static SocketState state(TcpState s) {
        return switch (s) {
            case LISTEN -> SocketState.LISTEN;
            case SYN_SENT -> SocketState.SYN_SENT;
            case SYN_RECV -> SocketState.SYN_RECV;
            case ESTABLISHED -> SocketState.ESTABLISHED;
            case FIN_WAIT_1 -> SocketState.FIN_WAIT1;
            case FIN_WAIT_2 -> SocketState.FIN_WAIT2;
            case CLOSE_WAIT -> SocketState.CLOSE_WAIT;
            case CLOSING -> SocketState.CLOSING;
            case LAST_ACK -> SocketState.LAST_ACK;
            case TIME_WAIT -> SocketState.TIME_WAIT;
            case CLOSED -> SocketState.CLOSE;
            default -> SocketState.UNKNOWN;
        };
    }
}
