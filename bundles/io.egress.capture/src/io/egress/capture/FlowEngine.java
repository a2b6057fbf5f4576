package io.egress.capture;

import io.egress.capture.internal.decode.FrameDecoder;
import io.egress.capture.internal.decode.LinkTypes;
import io.egress.capture.internal.decode.PacketView;
import io.egress.capture.internal.flow.FlowSnapshot;
import io.egress.capture.internal.flow.FlowTable;
import io.egress.capture.internal.names.FlowNamer;
import io.egress.core.flow.Flow;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Turns raw frames into flows: decodes each frame from its link layer to the transport header,
 * counts it in its bidirectional flow and looks at the first payloads for names. Used by the file
 * analyzer and, with frames from a live capture, by the live path.
 * <p>
 * Not thread-safe: one thread feeds frames and takes {@link #snapshot()}s between frames; the
 * snapshots are immutable and may be handed to any thread (e.g. a few times a second to a view).
 * Frames cost no allocation once their flow exists.
 */
public final class FlowEngine {
    private final FrameDecoder decoder = new FrameDecoder();
    private final PacketView view = new PacketView();
    private final FlowTable table;
    private final FlowNamer namer = new FlowNamer();
    private final BitSet warnedLinkTypes = new BitSet();
    private final List<String> warnings = new ArrayList<>();
    private ByteBuffer wrapped;
    private byte[] wrappedArray;
    private long packets;
    private long ipPackets;

    public FlowEngine() {
        this(1024);
    }

    /** An engine whose table starts with room for {@code expectedFlows} flows. */
    public FlowEngine(int expectedFlows) {
        table = new FlowTable(expectedFlows);
    }

    /**
     * Counts one frame.
     *
     * @param linkType       LINKTYPE_ value (1 Ethernet, 113 Linux SLL, 276 SLL2, 0 NULL, 101 raw IP...)
     * @param timeNanos      capture time, nanoseconds since the epoch
     * @param buffer         holds the frame; must be big-endian ordered; read with absolute gets only
     * @param offset         index of the frame's first byte in {@code buffer}
     * @param capturedLength bytes of the frame present
     * @param wireLength     bytes the frame had on the wire (counted as the flow's bytes)
     */
    public void frame(int linkType, long timeNanos, ByteBuffer buffer, int offset, int capturedLength, int wireLength) {
        packets++;
        decoder.decode(buffer, offset, capturedLength, linkType, view);
        if (view.layer == PacketView.LINK_UNKNOWN) {
            unknownLinkType(linkType);
            return;
        }
        int flow = table.add(view, timeNanos, wireLength);
        if (flow < 0) {
            return;
        }
        ipPackets++;
        if (view.icmpQuotesPacket) {
            int quoted = table.find(view.quoted, view.outerVlan, view.innerVlan);
            if (quoted >= 0) {
                table.countIcmpError(quoted);
            }
        }
        if (view.payloadCaptured > 0) {
            namer.inspect(table, flow, view, buffer, timeNanos);
        }
    }

    /** As {@link #frame(int, long, ByteBuffer, int, int, int)} for a frame in an array (e.g. from libpcap). */
    public void frame(int linkType, long timeNanos, byte[] data, int capturedLength, int wireLength) {
        if (data != wrappedArray) {
            wrappedArray = data;
            wrapped = ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
        }
        frame(linkType, timeNanos, wrapped, 0, Math.min(capturedLength, data.length), wireLength);
    }

    private void unknownLinkType(int linkType) {
        if (linkType >= 0 && !warnedLinkTypes.get(linkType)) {
            warnedLinkTypes.set(linkType);
            warnings.add("link type " + linkType + " (" + LinkTypes.name(linkType)
                    + ") is not decoded: its packets are counted but belong to no flow");
        }
    }

    /** Whether frames of this link type are decoded into flows. */
    public static boolean decodes(int linkType) {
        return LinkTypes.supported(linkType);
    }

    public long packets() { return packets; }

    /** Frames that reached the IP layer and were counted in a flow. */
    public long ipPackets() { return ipPackets; }

    public int flowCount() { return table.size(); }

    /** Problems met so far (one line per unknown link type, unparsed payload totals). */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (namer.unparsedPayloads() > 0) {
            all.add(namer.unparsedPayloads() + " payloads that looked like DNS, TLS or QUIC could not be parsed; their flows have no name from them");
        }
        return all;
    }

    /**
     * An immutable copy of the flows as they are now; the flows are materialised lazily, one
     * {@link Flow} per {@code get}. Cost: a copy of the table's arrays.
     */
    public FlowList snapshot() {
        return new FlowList(new FlowSnapshot(table, namer.copyNames(), namer.dns().copy(), true));
    }

    /** Like {@link #snapshot()} without copying; the engine must not be fed any more frames. */
    FlowList finish() {
        return new FlowList(new FlowSnapshot(table, namer.copyNames(), namer.dns(), false));
    }

    /** Bytes held by the flow table's arrays. */
    public long tableFootprintBytes() {
        return table.footprintBytes();
    }
}
