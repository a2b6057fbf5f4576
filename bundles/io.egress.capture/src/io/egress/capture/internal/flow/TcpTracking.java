package io.egress.capture.internal.flow;

import static io.egress.capture.internal.flow.FlowTable.BIT_FIN_AB;
import static io.egress.capture.internal.flow.FlowTable.BIT_FIN_BA;
import static io.egress.capture.internal.flow.FlowTable.BIT_INITIATOR_B;
import static io.egress.capture.internal.flow.FlowTable.BIT_INITIATOR_FROM_SYN;
import static io.egress.capture.internal.flow.FlowTable.BIT_SEQ_AB;
import static io.egress.capture.internal.flow.FlowTable.BIT_SEQ_BA;
import static io.egress.capture.internal.flow.FlowTable.NEXT_SEQ_AB;
import static io.egress.capture.internal.flow.FlowTable.RETRANSMISSIONS;
import static io.egress.capture.internal.flow.FlowTable.STATE;
import static io.egress.capture.internal.flow.FlowTable.TCP_ACK;
import static io.egress.capture.internal.flow.FlowTable.TCP_FIN;
import static io.egress.capture.internal.flow.FlowTable.TCP_RST;
import static io.egress.capture.internal.flow.FlowTable.TCP_STATE_MASK;
import static io.egress.capture.internal.flow.FlowTable.TCP_SYN;

/**
 * Per-packet TCP bookkeeping on a flow's int columns: who initiated (the SYN sender), how far the
 * connection got, and retransmissions (a segment whose sequence range lies wholly below the highest
 * sequence number already sent in that direction; keep-alives excluded).
 */
final class TcpTracking {
    // State numbers, in TcpState ordinal order.
    static final int NONE = 0;
    static final int SYN_SENT = 1;
    static final int SYN_RECEIVED = 2;
    static final int ESTABLISHED = 3;
    static final int CLOSING = 4;
    static final int CLOSED = 5;
    static final int RESET = 6;

    private TcpTracking() {
    }

    static void packet(int[] ints, int i, boolean forward, int flags, int seq, int payloadLength) {
        int state = ints[i + STATE];
        int tcp = state & TCP_STATE_MASK;
        boolean syn = (flags & TCP_SYN) != 0;
        boolean ack = (flags & TCP_ACK) != 0;
        boolean senderIsB = !forward;

        if (syn && (state & BIT_INITIATOR_FROM_SYN) == 0) {
            // A SYN names the initiator: its sender, or for a SYN-ACK its receiver.
            boolean initiatorB = ack ? !senderIsB : senderIsB;
            state = (state & ~BIT_INITIATOR_B) | (initiatorB ? BIT_INITIATOR_B : 0) | BIT_INITIATOR_FROM_SYN;
        }
        boolean fromInitiator = senderIsB == ((state & BIT_INITIATOR_B) != 0);
        int next = tcp;
        if ((flags & TCP_RST) != 0) {
            next = RESET;
        } else if (tcp != RESET) {
            if (syn && !ack) {
                next = tcp == NONE ? SYN_SENT : tcp;
            } else if (syn) {
                next = tcp < SYN_RECEIVED ? SYN_RECEIVED : tcp;
            } else if (tcp == NONE) {
                next = ESTABLISHED; // joined mid-connection
            } else if (tcp < ESTABLISHED && ack && fromInitiator) {
                next = ESTABLISHED;
            }
            if ((flags & TCP_FIN) != 0) {
                state |= forward ? BIT_FIN_AB : BIT_FIN_BA;
                next = (state & BIT_FIN_AB) != 0 && (state & BIT_FIN_BA) != 0 ? CLOSED : CLOSING;
            }
        }
        state = (state & ~TCP_STATE_MASK) | next;

        int length = payloadLength + (syn ? 1 : 0) + ((flags & TCP_FIN) != 0 ? 1 : 0);
        int seqBit = forward ? BIT_SEQ_AB : BIT_SEQ_BA;
        int nextSeqIndex = i + NEXT_SEQ_AB + (forward ? 0 : 1);
        int end = seq + length;
        if ((state & seqBit) == 0) {
            ints[nextSeqIndex] = end;
            state |= seqBit;
        } else if (length > 0) {
            int expected = ints[nextSeqIndex];
            if (end - expected > 0) {
                ints[nextSeqIndex] = end;
            } else if (!(length == 1 && seq == expected - 1 && !syn && (flags & TCP_FIN) == 0)) {
                ints[i + RETRANSMISSIONS]++;
            }
        }
        ints[i + STATE] = state;
    }
}
