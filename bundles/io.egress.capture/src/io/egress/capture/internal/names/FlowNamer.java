package io.egress.capture.internal.names;

import io.egress.capture.internal.decode.PacketView;
import io.egress.capture.internal.flow.FlowTable;
import io.egress.capture.internal.proto.DnsMessage;
import io.egress.capture.internal.proto.HttpRequest;
import io.egress.capture.internal.proto.ProtocolParseException;
import io.egress.capture.internal.proto.QuicClientHelloAssembler;
import io.egress.capture.internal.proto.QuicInitial;
import io.egress.capture.internal.proto.TlsClientHello;
import io.egress.core.flow.FlowName;
import io.egress.core.flow.NameSource;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks at the first payloads of each flow for names: DNS answers (kept in a {@link DnsDirectory}),
 * TLS ClientHello SNI, HTTP Host and QUIC Initial SNI (attached to the flow). Cheap byte tests
 * decide before anything is copied or parsed; each flow is inspected at most
 * {@value #MAX_INSPECTED} times. Payloads that do not parse are counted, not reported one by one.
 */
public final class FlowNamer {
    static final int MAX_INSPECTED = 6;
    private static final int MAX_QUIC_ASSEMBLERS = 4096;

    private final DnsDirectory dns = new DnsDirectory();
    private final Map<Integer, List<FlowName>> names = new HashMap<>();
    private final Map<Integer, QuicClientHelloAssembler> quic = new HashMap<>();
    private byte[] scratch = new byte[2048];
    private long unparsedPayloads;

    /** Inspects the packet just counted in {@code flow} (whose direction the table remembers). */
    public void inspect(FlowTable table, int flow, PacketView v, ByteBuffer buffer, long timeNanos) {
        if (!v.hasPorts || v.payloadCaptured == 0 || v.laterFragment) {
            return;
        }
        int first = buffer.get(v.payloadOffset) & 0xff;
        if (v.protocol == 17 && isDnsPort(v.srcPort) && v.payloadCaptured >= 12 && (buffer.get(v.payloadOffset + 2) & 0x80) != 0) {
            dnsResponse(buffer, v, timeNanos);
            return;
        }
        if (table.named(flow) || table.inspected(flow) >= MAX_INSPECTED) {
            return;
        }
        boolean fromInitiator = table.lastForward() != table.initiatorIsB(flow);
        if (!fromInitiator) {
            return;
        }
        if (v.protocol == 6) {
            if (first == 22) {
                table.markInspected(flow, tls(flow, buffer, v, timeNanos));
            } else if (first >= 'A' && first <= 'Z') {
                table.markInspected(flow, http(flow, buffer, v, timeNanos));
            }
        } else if (v.protocol == 17 && (first & 0xc0) == 0xc0) {
            table.markInspected(flow, quic(flow, buffer, v, timeNanos));
        }
    }

    private static boolean isDnsPort(int port) {
        return port == 53 || port == 5353 || port == 5355;
    }

    private int copy(ByteBuffer buffer, PacketView v) {
        int n = v.payloadCaptured;
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        buffer.get(v.payloadOffset, scratch, 0, n);
        return n;
    }

    private void dnsResponse(ByteBuffer buffer, PacketView v, long time) {
        int n = copy(buffer, v);
        try {
            DnsMessage message = DnsMessage.parse(scratch, 0, n);
            for (DnsMessage.AddressName an : message.addressNames()) {
                dns.add(an.address().getAddress(), an.queriedName(), time);
            }
        } catch (ProtocolParseException e) {
            unparsedPayloads++;
        }
    }

    private boolean tls(int flow, ByteBuffer buffer, PacketView v, long time) {
        int n = copy(buffer, v);
        if (!TlsClientHello.looksLikeHandshakeRecord(scratch, 0, n)) {
            return false;
        }
        try {
            Optional<String> sni = TlsClientHello.parse(scratch, 0, n).serverName();
            sni.ifPresent(s -> attach(flow, s, NameSource.TLS_SNI, time));
            return true; // a ClientHello without SNI will not grow one later
        } catch (ProtocolParseException e) {
            if (!e.isTruncated()) {
                unparsedPayloads++;
            }
            return false;
        }
    }

    private boolean http(int flow, ByteBuffer buffer, PacketView v, long time) {
        int n = copy(buffer, v);
        try {
            HttpRequest request = HttpRequest.parse(scratch, 0, n);
            request.host().ifPresent(h -> attach(flow, h, NameSource.HTTP_HOST, time));
            return request.host().isPresent() || request.complete();
        } catch (ProtocolParseException e) {
            return false; // most payloads starting with a capital letter are not HTTP requests
        }
    }

    private boolean quic(int flow, ByteBuffer buffer, PacketView v, long time) {
        int n = copy(buffer, v);
        QuicClientHelloAssembler assembler = quic.get(flow);
        if (assembler == null) {
            if (!QuicInitial.looksLikeInitial(scratch, 0, n) || quic.size() >= MAX_QUIC_ASSEMBLERS) {
                return false;
            }
            assembler = new QuicClientHelloAssembler();
            quic.put(flow, assembler);
        }
        try {
            Optional<TlsClientHello> hello = assembler.offer(scratch, 0, n);
            hello.flatMap(TlsClientHello::serverName).ifPresent(s -> attach(flow, s, NameSource.QUIC_SNI, time));
        } catch (ProtocolParseException e) {
            unparsedPayloads++;
        }
        if (assembler.isDone() || assembler.result().isPresent()) {
            quic.remove(flow);
            return true;
        }
        return false;
    }

    private void attach(int flow, String name, NameSource source, long time) {
        names.computeIfAbsent(flow, f -> new ArrayList<>(1)).add(new FlowName(name, source, time));
    }

    /** Names attached to a flow from its own payloads. */
    public List<FlowName> flowNames(int flow) {
        List<FlowName> list = names.get(flow);
        return list == null ? List.of() : list;
    }

    public DnsDirectory dns() {
        return dns;
    }

    /** Payloads that looked like DNS, TLS or QUIC but could not be parsed. */
    public long unparsedPayloads() {
        return unparsedPayloads;
    }

    /** A copy of the attached names for a snapshot. */
    public Map<Integer, List<FlowName>> copyNames() {
        Map<Integer, List<FlowName>> copy = new HashMap<>();
        names.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }
}
