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
    /** A ClientHello with post-quantum key shares spans two segments; 16 KiB covers any sane one. */
    static final int MAX_PENDING_BYTES = 16 * 1024;
    /** Bounds the joined starts to 16 MiB even when many flows stop in the middle of their first message. */
    private static final int MAX_PENDING_FLOWS = 1024;

    /** What a parser made of the bytes so far. */
    private enum Outcome {
        /** A name was found, or it is certain none will come. */
        DONE,
        /** The start of a message that continues in the next segment. */
        MORE,
        /** Not this protocol. */
        NO
    }

    /** The first bytes an initiator sent, kept while a parser needs more of them. */
    private static final class PendingStart {
        final boolean tls;
        byte[] data;
        int length;

        PendingStart(boolean tls, byte[] first, int n) {
            this.tls = tls;
            this.data = java.util.Arrays.copyOf(first, Math.max(n * 2, 2048));
            this.length = n;
        }

        void append(ByteBuffer buffer, int offset, int n) {
            int take = Math.min(n, MAX_PENDING_BYTES - length);
            if (length + take > data.length) {
                data = java.util.Arrays.copyOf(data, Math.min(MAX_PENDING_BYTES, Math.max(length + take, data.length * 2)));
            }
            buffer.get(offset, data, length, take);
            length += take;
        }

        boolean full() {
            return length >= MAX_PENDING_BYTES;
        }
    }
    private static final int MAX_QUIC_ASSEMBLERS = 4096;

    private final DnsDirectory dns = new DnsDirectory();
    private final Map<Integer, List<FlowName>> names = new HashMap<>();
    private final Map<Integer, QuicClientHelloAssembler> quic = new HashMap<>();
    private final Map<Integer, PendingStart> pending = new HashMap<>();
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
            tcp(table, flow, buffer, v, first, timeNanos);
        } else if (v.protocol == 17 && (first & 0xc0) == 0xc0) {
            table.markInspected(flow, quic(flow, buffer, v, timeNanos));
        }
    }

    /** TLS or HTTP from the initiator's first bytes, joined across segments while the parser asks for more. */
    private void tcp(FlowTable table, int flow, ByteBuffer buffer, PacketView v, int first, long time) {
        PendingStart started = pending.get(flow);
        Outcome outcome;
        if (started != null) {
            started.append(buffer, v.payloadOffset, v.payloadCaptured);
            outcome = started.tls ? tls(flow, started.data, started.length, time) : http(flow, started.data, started.length, time);
            if (outcome != Outcome.MORE || started.full() || table.inspected(flow) + 1 >= MAX_INSPECTED) {
                pending.remove(flow);
            }
        } else if (first == 22 || (first >= 'A' && first <= 'Z')) {
            int n = copy(buffer, v);
            boolean tls = first == 22;
            outcome = tls ? tls(flow, scratch, n, time) : http(flow, scratch, n, time);
            if (outcome == Outcome.MORE && pending.size() < MAX_PENDING_FLOWS) {
                pending.put(flow, new PendingStart(tls, scratch, n));
            }
        } else {
            return;
        }
        table.markInspected(flow, outcome == Outcome.DONE);
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

    private Outcome tls(int flow, byte[] data, int n, long time) {
        if (!TlsClientHello.looksLikeHandshakeRecord(data, 0, n)) {
            return Outcome.NO;
        }
        try {
            Optional<String> sni = TlsClientHello.parse(data, 0, n).serverName();
            sni.ifPresent(s -> attach(flow, s, NameSource.TLS_SNI, time));
            return Outcome.DONE; // a ClientHello without SNI will not grow one later
        } catch (ProtocolParseException e) {
            if (e.isTruncated()) {
                return Outcome.MORE;
            }
            unparsedPayloads++;
            return Outcome.NO;
        }
    }

    private Outcome http(int flow, byte[] data, int n, long time) {
        try {
            HttpRequest request = HttpRequest.parse(data, 0, n);
            request.host().ifPresent(h -> attach(flow, h, NameSource.HTTP_HOST, time));
            return request.host().isPresent() || request.complete() ? Outcome.DONE : Outcome.MORE;
        } catch (ProtocolParseException e) {
            // Most payloads starting with a capital letter are not HTTP requests: not worth a warning.
            return e.isTruncated() ? Outcome.MORE : Outcome.NO;
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
