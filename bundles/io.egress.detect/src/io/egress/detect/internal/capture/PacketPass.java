package io.egress.detect.internal.capture;

import io.egress.capture.internal.decode.FrameDecoder;
import io.egress.capture.internal.decode.PacketView;
import io.egress.capture.internal.proto.DnsMessage;
import io.egress.capture.internal.proto.ProtocolParseException;
import io.egress.capture.pcap.CaptureFiles;
import io.egress.capture.pcap.PacketRecord;
import io.egress.capture.pcap.PacketSource;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.IpProtocols;
import io.egress.core.net.IpAddresses;
import io.egress.detect.DnsQuery;
import io.egress.detect.FlowBursts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A second pass over a capture file for what flow records do not keep: the packet bursts inside
 * long-lived flows (a beacon may be one UDP flow with a burst every 15 s) and the DNS questions.
 * Memory is bounded: bursts only for flows lasting at least {@link #MIN_FLOW_SECONDS}, at most
 * {@link #MAX_BURSTS} per flow.
 */
public final class PacketPass {
    /** Packets less than this apart belong to one burst. */
    public static final long BURST_GAP_NANOS = 2_000_000_000L;
    public static final int MAX_BURSTS = 4096;
    static final double MIN_FLOW_SECONDS = 30;

    private static final System.Logger LOG = System.getLogger(PacketPass.class.getName());

    private final List<Flow> flows;
    private final Map<FlowKey, int[]> byKey = new HashMap<>();
    private final Map<Integer, BurstSeries> bursts = new HashMap<>();
    private final List<DnsQuery> queries = new ArrayList<>();
    private int unparsedDns;

    private PacketPass(List<Flow> flows) {
        this.flows = flows;
        for (int i = 0; i < flows.size(); i++) {
            byKey.merge(flows.get(i).key(), new int[] {i}, PacketPass::concat);
            Flow f = flows.get(i);
            if (f.durationNanos() >= MIN_FLOW_SECONDS * 1e9) {
                bursts.put(i, new BurstSeries());
            }
        }
    }

    /** Reads the file again, matching its packets to {@code flows} (the analysis of the same file). */
    public static PacketPass read(Path file, List<Flow> flows) throws IOException {
        PacketPass pass = new PacketPass(flows);
        try (PacketSource source = CaptureFiles.open(file)) {
            FrameDecoder decoder = new FrameDecoder();
            PacketView view = new PacketView();
            PacketRecord record = new PacketRecord();
            while (source.next(record)) {
                decoder.decode(record.buffer(), record.offset(), record.capturedLength(), record.linkType(), view);
                if (view.layer == PacketView.TRANSPORT && view.hasPorts
                        && (view.protocol == IpProtocols.TCP || view.protocol == IpProtocols.UDP)) {
                    pass.packet(view, record);
                }
            }
        }
        if (pass.unparsedDns > 0) {
            LOG.log(System.Logger.Level.DEBUG, () -> pass.unparsedDns + " DNS payloads in " + file + " could not be parsed; their questions are left out");
        }
        return pass;
    }

    private void packet(PacketView v, PacketRecord record) {
        byte[] src = PacketView.address(v.isIpv6(), v.srcHi, v.srcLo);
        byte[] dst = PacketView.address(v.isIpv6(), v.dstHi, v.dstLo);
        long time = record.epochNanos();
        int flow = find(FlowKey.of(v.protocol, src, v.srcPort, dst, v.dstPort, v.outerVlan, v.innerVlan), time);
        BurstSeries series = flow < 0 ? null : bursts.get(flow);
        if (series != null) {
            series.add(time, record.originalLength());
        }
        if (v.protocol == IpProtocols.UDP && v.dstPort == 53 && v.payloadCaptured > 0) {
            question(record.buffer(), v.payloadOffset, v.payloadCaptured, time, flow, src, dst);
        }
    }

    private void question(ByteBuffer buffer, int offset, int length, long time, int flow, byte[] client, byte[] server) {
        ByteBuffer payload = buffer.duplicate();
        payload.limit(offset + length).position(offset);
        try {
            DnsMessage m = DnsMessage.parse(payload);
            if (m.response()) {
                return;
            }
            for (DnsMessage.Question q : m.questions()) {
                String name = q.name().toLowerCase(Locale.ROOT);
                name = name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
                queries.add(new DnsQuery(time, flow, IpAddresses.format(client), IpAddresses.format(server), name, q.type()));
            }
        } catch (ProtocolParseException e) {
            unparsedDns++;
        }
    }

    private int find(FlowKey key, long time) {
        int[] candidates = byKey.get(key);
        if (candidates == null) {
            return -1;
        }
        for (int i : candidates) {
            Flow f = flows.get(i);
            if (time >= f.firstNanos() && time <= f.lastNanos()) {
                return i;
            }
        }
        return candidates[candidates.length - 1];
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Bursts per flow index, for the long flows that had packets. */
    public Map<Integer, FlowBursts> bursts() {
        Map<Integer, FlowBursts> out = new HashMap<>();
        bursts.forEach((flow, series) -> {
            if (series.count > 0) {
                out.put(flow, series.toBursts());
            }
        });
        return out;
    }

    /** DNS questions in capture order. */
    public List<DnsQuery> dnsQueries() {
        return List.copyOf(queries);
    }

    /** DNS payloads to port 53 that could not be parsed. */
    public int unparsedDns() {
        return unparsedDns;
    }

    /** The bursts of one flow, grown as packets arrive. */
    private static final class BurstSeries {
        private long[] starts = new long[8];
        private long[] ends = new long[8];
        private long[] packets = new long[8];
        private long[] bytes = new long[8];
        private int count;
        private long lastPacket = Long.MIN_VALUE;
        private boolean truncated;

        void add(long time, long wireBytes) {
            if (truncated) {
                return; // later packets belong to bursts that were not kept
            }
            if (count > 0 && time - lastPacket < BURST_GAP_NANOS) {
                bytes[count - 1] += wireBytes;
                packets[count - 1]++;
                ends[count - 1] = Math.max(ends[count - 1], time);
            } else if (count == MAX_BURSTS) {
                truncated = true;
            } else {
                if (count == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, count * 2);
                    ends = java.util.Arrays.copyOf(ends, count * 2);
                    packets = java.util.Arrays.copyOf(packets, count * 2);
                    bytes = java.util.Arrays.copyOf(bytes, count * 2);
                }
                starts[count] = time;
                ends[count] = time;
                packets[count] = 1;
                bytes[count++] = wireBytes;
            }
            lastPacket = Math.max(lastPacket, time);
        }

        FlowBursts toBursts() {
            return new FlowBursts(starts, ends, packets, bytes, truncated).first(count, truncated);
        }
    }
}
