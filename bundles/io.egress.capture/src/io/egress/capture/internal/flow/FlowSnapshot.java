package io.egress.capture.internal.flow;

import static io.egress.capture.internal.flow.FlowTable.*;

import io.egress.capture.ConversationCounts;
import io.egress.capture.internal.decode.PacketView;
import io.egress.capture.internal.names.DnsDirectory;
import io.egress.capture.internal.proto.CommunityId;
import io.egress.core.flow.DirectionStats;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.FlowName;
import io.egress.core.flow.NameSource;
import io.egress.core.flow.TcpState;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Flows of a table at one moment, materialised into {@link Flow} objects only when asked for, so
 * that a million-flow capture does not need a million objects until a view shows them.
 * Immutable; {@link #get(int)} may be called from any thread.
 */
public final class FlowSnapshot extends AbstractList<Flow> implements RandomAccess {
    private static final TcpState[] TCP_STATES = TcpState.values();

    private final FlowColumns columns;
    private final Map<Integer, List<FlowName>> names;
    private final DnsDirectory dns;
    /** One hasher per reading thread: a digest is not thread-safe, and making one per flow is slow. */
    private final ThreadLocal<CommunityId> hashers = ThreadLocal.withInitial(() -> new CommunityId(0));

    public FlowSnapshot(FlowTable table, Map<Integer, List<FlowName>> names, DnsDirectory dns, boolean copy) {
        this.columns = table.columns(copy);
        this.names = names;
        this.dns = dns;
    }

    @Override
    public int size() {
        return columns.count();
    }

    @Override
    public Flow get(int index) {
        if (index < 0 || index >= columns.count()) {
            throw new IndexOutOfBoundsException(index);
        }
        long[] l = columns.longs();
        int[] n = columns.ints();
        int o = index * LONGS;
        int i = index * INTS;
        long meta = l[o + META];
        boolean v6 = (meta & META_V6) != 0;
        int protocol = (int) (meta >>> 40) & 0xff;
        int portA = (int) (meta >>> 16) & 0xffff;
        int portB = (int) meta & 0xffff;
        byte[] a = PacketView.address(v6, l[o + A_HI], l[o + A_LO]);
        byte[] b = PacketView.address(v6, l[o + B_HI], l[o + B_LO]);
        long vlan = l[o + VLAN];
        FlowKey key = FlowKey.of(protocol, a, portA, b, portB, (int) (vlan >>> 16) - 1, (int) (vlan & 0xffff) - 1);
        int state = n[i + STATE];
        boolean initiatorB = (state & BIT_INITIATOR_B) != 0;
        DirectionStats ab = new DirectionStats(l[o + PACKETS_AB], l[o + BYTES_AB], l[o + PAYLOAD_AB]);
        DirectionStats ba = new DirectionStats(l[o + PACKETS_BA], l[o + BYTES_BA], l[o + PAYLOAD_BA]);
        TcpState tcp = protocol == 6 ? TCP_STATES[Math.min(state & TCP_STATE_MASK, TCP_STATES.length - 1)] : TcpState.NONE;
        byte[] initiator = initiatorB ? b : a;
        byte[] responder = initiatorB ? a : b;
        int initiatorPort = initiatorB ? portB : portA;
        int responderPort = initiatorB ? portA : portB;
        long responderHi = initiatorB ? l[o + A_HI] : l[o + B_HI];
        long responderLo = initiatorB ? l[o + A_LO] : l[o + B_LO];
        List<FlowName> flowNames = new ArrayList<>(names.getOrDefault(index, List.of()));
        for (DnsDirectory.Answer answer : dns.lookup(v6, responderHi, responderLo, l[o + LAST])) {
            flowNames.add(new FlowName(answer.name(), NameSource.DNS, answer.timeNanos()));
        }
        String communityId = communityId(protocol, (meta & META_PORTLESS) != 0, initiator, responder, initiatorPort, responderPort,
                n[i + ICMP_TYPE_CODE]);
        return new Flow(key, initiator, initiatorPort, responder, responderPort, initiatorB ? ba : ab, initiatorB ? ab : ba,
                l[o + FIRST], l[o + LAST], tcp, n[i + RETRANSMISSIONS], n[i + ICMP_ERRORS], communityId, flowNames,
                (meta & META_PORTLESS) == 0);
    }

    private String communityId(int protocol, boolean portless, byte[] src, byte[] dst, int srcPort, int dstPort, int icmpTypeCode) {
        CommunityId hasher = hashers.get();
        if (protocol == 1 || protocol == 58) {
            return hasher.of(src, dst, protocol, icmpTypeCode >>> 8, icmpTypeCode & 0xff);
        }
        if (portless) {
            return ""; // the ports are part of the id and were never seen
        }
        return hasher.of(src, dst, protocol, srcPort, dstPort);
    }

    /**
     * Conversation counts comparable with tshark's {@code -z conv,...}: TCP and UDP flows with
     * known ports (VLAN-aware), ICMP/ICMPv6 flows, and distinct IPv4 and IPv6 address pairs over
     * all flows (VLAN ids ignored, as tshark does).
     */
    public ConversationCounts conversations() {
        long[] l = columns.longs();
        int tcp = 0;
        int udp = 0;
        int icmp = 0;
        LongTupleSet v4Pairs = new LongTupleSet(1, 1024);
        LongTupleSet v6Pairs = new LongTupleSet(4, 1024);
        for (int f = 0; f < columns.count(); f++) {
            int o = f * LONGS;
            long meta = l[o + META];
            int protocol = (int) (meta >>> 40) & 0xff;
            boolean portless = (meta & META_PORTLESS) != 0;
            if (protocol == 6 && !portless) {
                tcp++;
            } else if (protocol == 17 && !portless) {
                udp++;
            } else if (protocol == 1 || protocol == 58) {
                icmp++;
            }
            if ((meta & META_V6) == 0) {
                v4Pairs.add((l[o + A_LO] << 32) | l[o + B_LO]);
            } else {
                v6Pairs.add(l[o + A_HI], l[o + A_LO], l[o + B_HI], l[o + B_LO]);
            }
        }
        return new ConversationCounts(tcp, udp, icmp, v4Pairs.size(), v6Pairs.size());
    }
}
