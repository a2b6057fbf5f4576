package io.egress.capture.internal.flow;

import io.egress.capture.internal.decode.PacketView;
import java.util.Arrays;

/**
 * The flow table: flows stored column-wise in two primitive arrays (a fixed number of longs and
 * ints per flow) and found through an open-addressing hash of flow indexes, so that a packet costs
 * no allocation and a flow costs little more than its numbers. Not thread-safe.
 * <p>
 * Keys are direction-normalised: endpoint A is the lower (address, port), B the higher. Packets
 * from A to B count as direction AB.
 */
public final class FlowTable {
    // long columns
    static final int A_HI = 0;
    static final int A_LO = 1;
    static final int B_HI = 2;
    static final int B_LO = 3;
    /** protocol << 40 | flags << 32 | portA << 16 | portB */
    static final int META = 4;
    /** (outer vlan + 1) << 16 | (inner vlan + 1) */
    static final int VLAN = 5;
    static final int PACKETS_AB = 6;
    static final int PACKETS_BA = 7;
    static final int BYTES_AB = 8;
    static final int BYTES_BA = 9;
    static final int PAYLOAD_AB = 10;
    static final int PAYLOAD_BA = 11;
    static final int FIRST = 12;
    static final int LAST = 13;
    static final int LONGS = 14;

    // int columns
    /** state bits, see the STATE_ and BIT_ constants */
    static final int STATE = 0;
    static final int NEXT_SEQ_AB = 1;
    static final int NEXT_SEQ_BA = 2;
    static final int RETRANSMISSIONS = 3;
    static final int ICMP_ERRORS = 4;
    /** first ICMP packet's type << 8 | code */
    static final int ICMP_TYPE_CODE = 5;
    /** VLAN tags of the packets going against the first packet's direction when they differ (routed between VLANs), -1 unknown */
    static final int REPLY_VLAN = 6;
    static final int INTS = 7;

    // meta flags
    static final long META_V6 = 1L << 32;
    /** TCP/UDP/SCTP/DCCP flow whose ports are unknown (fragments without their first one, cut headers). */
    static final long META_PORTLESS = 1L << 33;

    // state bits
    static final int TCP_STATE_MASK = 0x7;
    static final int BIT_INITIATOR_B = 1 << 3;
    static final int BIT_SEQ_AB = 1 << 4;
    static final int BIT_SEQ_BA = 1 << 5;
    static final int BIT_FIN_AB = 1 << 6;
    static final int BIT_FIN_BA = 1 << 7;
    static final int BIT_INITIATOR_FROM_SYN = 1 << 8;
    static final int BIT_NAMED = 1 << 9;
    static final int BIT_FIRST_FROM_B = 1 << 10;
    static final int INSPECTED_SHIFT = 12;
    static final int INSPECTED_MASK = 0xf << INSPECTED_SHIFT;

    static final int TCP_FIN = 0x01;
    static final int TCP_SYN = 0x02;
    static final int TCP_RST = 0x04;
    static final int TCP_ACK = 0x10;

    private long[] longs;
    private int[] ints;
    private int count;
    private int[] slots;
    /** Second index on the key without VLAN ids, to find a conversation whose two directions carry different tags. */
    private int[] plainSlots;
    private int mask;
    private final FragmentCache fragments = new FragmentCache();

    /** Direction of the last packet: true when it went from A to B. */
    private boolean lastForward;

    public FlowTable() {
        this(1024);
    }

    public FlowTable(int expectedFlows) {
        int capacity = Math.max(16, expectedFlows);
        longs = new long[capacity * LONGS];
        ints = new int[capacity * INTS];
        int tableSize = Integer.highestOneBit(capacity * 2 - 1) << 1;
        slots = new int[tableSize];
        plainSlots = new int[tableSize];
        mask = tableSize - 1;
    }

    public int size() {
        return count;
    }

    /** Whether the last packet given to {@link #add} went from A to B. */
    public boolean lastForward() {
        return lastForward;
    }

    /**
     * Counts a decoded IP packet in its flow (created when new) and returns the flow's index, or
     * -1 when the packet has no IP layer.
     */
    public int add(PacketView v, long timeNanos, int wireLength) {
        if (v.layer < PacketView.IP) {
            return -1;
        }
        int protocol = v.protocol & 0xff;
        int flow;
        boolean forward;
        if (v.laterFragment) {
            flow = fragments.get(v.srcHi, v.srcLo, v.dstHi, v.dstLo, protocol, v.fragmentId);
            if (flow >= 0) {
                int l = flow * LONGS;
                // Same addresses on both sides cannot be told apart without ports: count it as A to B.
                forward = longs[l + A_HI] == v.srcHi && longs[l + A_LO] == v.srcLo;
                count(flow, forward, v, timeNanos, wireLength);
                return flow;
            }
        }
        int srcPort;
        int dstPort;
        long flags = v.ipVersion == 6 ? META_V6 : 0;
        boolean icmp = protocol == 1 || protocol == 58;
        if (icmp) {
            int id = v.icmpEchoId < 0 ? 0 : v.icmpEchoId;
            srcPort = id;
            dstPort = id;
        } else if (v.hasPorts) {
            srcPort = v.srcPort;
            dstPort = v.dstPort;
        } else {
            srcPort = 0;
            dstPort = 0;
            if (protocol == 6 || protocol == 17 || protocol == 132 || protocol == 33) {
                flags |= META_PORTLESS;
            }
        }
        forward = compare(v.srcHi, v.srcLo, srcPort, v.dstHi, v.dstLo, dstPort) <= 0;
        long aHi = forward ? v.srcHi : v.dstHi;
        long aLo = forward ? v.srcLo : v.dstLo;
        long bHi = forward ? v.dstHi : v.srcHi;
        long bLo = forward ? v.dstLo : v.srcLo;
        long meta = ((long) protocol << 40) | flags | ((long) (forward ? srcPort : dstPort) << 16) | (forward ? dstPort : srcPort);
        long vlan = ((long) (v.outerVlan + 1) << 16) | (v.innerVlan + 1);
        flow = findOrCreate(aHi, aLo, bHi, bLo, meta, vlan, forward, v, timeNanos);
        if (v.firstFragment) {
            fragments.put(v.srcHi, v.srcLo, v.dstHi, v.dstLo, protocol, v.fragmentId, flow);
        }
        count(flow, forward, v, timeNanos, wireLength);
        return flow;
    }

    /**
     * The flow a quoted packet (inside an ICMP error) belongs to, or -1 when the table has none.
     * Never creates a flow: an error about a packet we did not see must not invent its flow.
     */
    public int find(PacketView q, int outerVlan, int innerVlan) {
        if (q.layer < PacketView.IP) {
            return -1;
        }
        int protocol = q.protocol & 0xff;
        int srcPort = q.hasPorts ? q.srcPort : 0;
        int dstPort = q.hasPorts ? q.dstPort : 0;
        if (protocol == 1 || protocol == 58) {
            srcPort = q.icmpEchoId < 0 ? 0 : q.icmpEchoId;
            dstPort = srcPort;
        }
        long flags = q.ipVersion == 6 ? META_V6 : 0;
        boolean forward = compare(q.srcHi, q.srcLo, srcPort, q.dstHi, q.dstLo, dstPort) <= 0;
        long meta = ((long) protocol << 40) | flags | ((long) (forward ? srcPort : dstPort) << 16) | (forward ? dstPort : srcPort);
        long vlan = ((long) (outerVlan + 1) << 16) | (innerVlan + 1);
        return lookup(forward ? q.srcHi : q.dstHi, forward ? q.srcLo : q.dstLo, forward ? q.dstHi : q.srcHi,
                forward ? q.dstLo : q.srcLo, meta, vlan);
    }

    public void countIcmpError(int flow) {
        ints[flow * INTS + ICMP_ERRORS]++;
    }

    private static int compare(long aHi, long aLo, int aPort, long bHi, long bLo, int bPort) {
        int c = Long.compareUnsigned(aHi, bHi);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(aLo, bLo);
        return c != 0 ? c : Integer.compare(aPort, bPort);
    }

    private static int hash(long aHi, long aLo, long bHi, long bLo, long meta, long vlan) {
        long h = aHi * 0x9e3779b97f4a7c15L + aLo;
        h = h * 0x9e3779b97f4a7c15L + bHi;
        h = h * 0x9e3779b97f4a7c15L + bLo;
        h = h * 0x9e3779b97f4a7c15L + meta;
        h = h * 0x9e3779b97f4a7c15L + vlan;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }

    private int lookup(long aHi, long aLo, long bHi, long bLo, long meta, long vlan) {
        int s = hash(aHi, aLo, bHi, bLo, meta, vlan) & mask;
        while (true) {
            int f = slots[s] - 1;
            if (f < 0) {
                return -1;
            }
            int l = f * LONGS;
            if (longs[l + A_LO] == aLo && longs[l + B_LO] == bLo && longs[l + META] == meta && longs[l + A_HI] == aHi
                    && longs[l + B_HI] == bHi && longs[l + VLAN] == vlan) {
                return f;
            }
            s = (s + 1) & mask;
        }
    }

    private int findOrCreate(long aHi, long aLo, long bHi, long bLo, long meta, long vlan, boolean forward, PacketView v, long time) {
        int s = hash(aHi, aLo, bHi, bLo, meta, vlan) & mask;
        while (true) {
            int f = slots[s] - 1;
            if (f < 0) {
                break;
            }
            int l = f * LONGS;
            if (longs[l + A_LO] == aLo && longs[l + B_LO] == bLo && longs[l + META] == meta && longs[l + A_HI] == aHi
                    && longs[l + B_HI] == bHi && longs[l + VLAN] == vlan) {
                return f;
            }
            s = (s + 1) & mask;
        }
        int reply = replyAcrossVlans(aHi, aLo, bHi, bLo, meta, vlan, forward);
        if (reply >= 0) {
            return reply;
        }
        int f = count;
        if ((f + 1) * LONGS > longs.length) {
            int capacity = Math.max(16, f + (f >> 1));
            longs = Arrays.copyOf(longs, capacity * LONGS);
            ints = Arrays.copyOf(ints, capacity * INTS);
        }
        count++;
        slots[s] = f + 1;
        int l = f * LONGS;
        longs[l + A_HI] = aHi;
        longs[l + A_LO] = aLo;
        longs[l + B_HI] = bHi;
        longs[l + B_LO] = bLo;
        longs[l + META] = meta;
        longs[l + VLAN] = vlan;
        longs[l + FIRST] = time;
        longs[l + LAST] = time;
        int i = f * INTS;
        // The first packet's sender is the initiator until a SYN says otherwise.
        ints[i + STATE] = forward ? 0 : BIT_INITIATOR_B | BIT_FIRST_FROM_B;
        ints[i + ICMP_TYPE_CODE] = (v.icmpType << 8) | v.icmpCode;
        ints[i + REPLY_VLAN] = -1;
        int p = plainHash(aHi, aLo, bHi, bLo, meta) & mask;
        while (plainSlots[p] != 0) {
            p = (p + 1) & mask;
        }
        plainSlots[p] = f + 1;
        if (count * 2 > slots.length) {
            rehash();
        }
        return f;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int[] plainBigger = new int[slots.length * 2];
        int m = bigger.length - 1;
        for (int f = 0; f < count; f++) {
            int l = f * LONGS;
            int s = hash(longs[l + A_HI], longs[l + A_LO], longs[l + B_HI], longs[l + B_LO], longs[l + META], longs[l + VLAN]) & m;
            while (bigger[s] != 0) {
                s = (s + 1) & m;
            }
            bigger[s] = f + 1;
            int p = plainHash(longs[l + A_HI], longs[l + A_LO], longs[l + B_HI], longs[l + B_LO], longs[l + META]) & m;
            while (plainBigger[p] != 0) {
                p = (p + 1) & m;
            }
            plainBigger[p] = f + 1;
        }
        slots = bigger;
        plainSlots = plainBigger;
        mask = m;
    }

    private static int plainHash(long aHi, long aLo, long bHi, long bLo, long meta) {
        return hash(aHi, aLo, bHi, bLo, meta, 0x5bd1e995L);
    }

    /**
     * A router capturing on a trunk sees a conversation's two directions in two VLANs. A packet
     * whose tagged key is unknown joins a flow with the same addresses, ports and protocol when it
     * goes against that flow's first packet and that direction has either no packets yet or the
     * same tags. The same conversation repeated in another VLAN in the same direction (a collision)
     * stays a flow of its own.
     */
    private int replyAcrossVlans(long aHi, long aLo, long bHi, long bLo, long meta, long vlan, boolean forward) {
        int p = plainHash(aHi, aLo, bHi, bLo, meta) & mask;
        while (true) {
            int f = plainSlots[p] - 1;
            if (f < 0) {
                return -1;
            }
            int l = f * LONGS;
            if (longs[l + A_LO] == aLo && longs[l + B_LO] == bLo && longs[l + META] == meta && longs[l + A_HI] == aHi
                    && longs[l + B_HI] == bHi) {
                int i = f * INTS;
                boolean firstForward = (ints[i + STATE] & BIT_FIRST_FROM_B) == 0;
                if (firstForward != forward) {
                    int reply = ints[i + REPLY_VLAN];
                    if (reply == (int) vlan) {
                        return f;
                    }
                    if (reply == -1 && longs[l + (forward ? PACKETS_AB : PACKETS_BA)] == 0) {
                        ints[i + REPLY_VLAN] = (int) vlan;
                        return f;
                    }
                }
            }
            p = (p + 1) & mask;
        }
    }

    private void count(int flow, boolean forward, PacketView v, long time, int wireLength) {
        lastForward = forward;
        int l = flow * LONGS;
        int d = forward ? 0 : 1;
        longs[l + PACKETS_AB + d]++;
        longs[l + BYTES_AB + d] += wireLength;
        longs[l + PAYLOAD_AB + d] += v.payloadLength;
        if (time < longs[l + FIRST]) {
            longs[l + FIRST] = time;
        }
        if (time > longs[l + LAST]) {
            longs[l + LAST] = time;
        }
        if (v.protocol == 6 && v.tcpHeader) {
            TcpTracking.packet(ints, flow * INTS, forward, v.tcpFlags, v.tcpSeq, v.payloadLength);
        }
    }

    // access for snapshots and name hooks
    long[] longs() { return longs; }

    int[] ints() { return ints; }

    /** Inspected-payload counter of a flow; the name hooks look at the first few payloads only. */
    public int inspected(int flow) {
        return (ints[flow * INTS + STATE] & INSPECTED_MASK) >>> INSPECTED_SHIFT;
    }

    public boolean named(int flow) {
        return (ints[flow * INTS + STATE] & BIT_NAMED) != 0;
    }

    public void markInspected(int flow, boolean named) {
        int i = flow * INTS + STATE;
        int n = Math.min(15, inspected(flow) + 1);
        ints[i] = (ints[i] & ~INSPECTED_MASK) | (n << INSPECTED_SHIFT) | (named ? BIT_NAMED : 0);
    }

    /** Whether the initiator of the flow is endpoint B. */
    public boolean initiatorIsB(int flow) {
        return (ints[flow * INTS + STATE] & BIT_INITIATOR_B) != 0;
    }

    /** Copies of the columns for a snapshot, trimmed to the flows present. */
    FlowColumns columns(boolean copy) {
        if (!copy) {
            return new FlowColumns(longs, ints, count);
        }
        return new FlowColumns(Arrays.copyOf(longs, count * LONGS), Arrays.copyOf(ints, count * INTS), count);
    }

    /** Bytes held by the table's arrays (for heap-per-flow figures). */
    public long footprintBytes() {
        return 8L * longs.length + 4L * ints.length + 4L * slots.length + 4L * plainSlots.length;
    }
}
