package io.egress.capture.internal.live;

import io.egress.capture.internal.decode.FrameDecoder;
import io.egress.capture.internal.decode.PacketView;
import io.egress.capture.live.NewFlow;
import io.egress.core.flow.FlowKey;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Describes the frame that created a flow. The engine does not say which flow a frame went to, so
 * the frame is decoded a second time, only when the engine's flow count grew (new flows only, not
 * every packet). Also gives any frame's flow key for the pcapng export.
 */
final class NewFlowWatcher {
    private final FrameDecoder decoder = new FrameDecoder();
    private final PacketView view = new PacketView();

    Optional<NewFlow> describe(int flowIndex, String interfaceName, int linkType, long timeNanos, ByteBuffer buffer, int offset,
            int capturedLength) {
        decoder.decode(buffer, offset, capturedLength, linkType, view);
        if (view.layer < PacketView.IP) {
            return Optional.empty();
        }
        byte[] src = PacketView.address(view.isIpv6(), view.srcHi, view.srcLo);
        byte[] dst = PacketView.address(view.isIpv6(), view.dstHi, view.dstLo);
        int srcPort = port(view.srcPort);
        int dstPort = port(view.dstPort);
        FlowKey key = FlowKey.of(view.protocol, src, srcPort, dst, dstPort, view.outerVlan, view.innerVlan);
        try {
            return Optional.of(new NewFlow(flowIndex, key, view.protocol, InetAddress.getByAddress(src), srcPort, InetAddress.getByAddress(dst),
                    dstPort, timeNanos, interfaceName));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of " + src.length + " bytes", e); // 4 or 16 bytes: cannot happen
        }
    }

    /** The key of any frame's flow, empty below the IP layer. */
    Optional<FlowKey> key(int linkType, ByteBuffer buffer, int offset, int capturedLength) {
        decoder.decode(buffer, offset, capturedLength, linkType, view);
        if (view.layer < PacketView.IP) {
            return Optional.empty();
        }
        byte[] src = PacketView.address(view.isIpv6(), view.srcHi, view.srcLo);
        byte[] dst = PacketView.address(view.isIpv6(), view.dstHi, view.dstLo);
        return Optional.of(FlowKey.of(view.protocol, src, port(view.srcPort), dst, port(view.dstPort), view.outerVlan, view.innerVlan));
    }

    /** The engine keys ICMP echo by its identifier in both port slots, other port-less packets by 0. */
    private int port(int decodedPort) {
        if (view.hasPorts && !view.laterFragment) {
            return decodedPort;
        }
        return view.icmpEchoId >= 0 ? view.icmpEchoId : 0;
    }
}
