package io.egress.ui.internal.ip;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.egress.capture.CaptureAnalysis;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowName;
import io.egress.core.net.IpAddresses;
import io.egress.enrich.names.NameSource;
import io.egress.enrich.names.ObservedName;

/**
 * What the open captures say about one address: the flows that touch it (bounded) and the names
 * they attach to it (DNS answers, SNI, HTTP Host), with where each came from.
 *
 * @param flows       up to {@link #MAX_FLOWS} flows touching the address, capture order
 * @param totalFlows  how many flows touch it in all
 * @param names       distinct names with their source and first time seen
 * @param peers       local (initiating) endpoints that talked to it, with flow counts
 */
record AddressActivity(List<Flow> flows, int totalFlows, List<ObservedName> names, Map<String, Integer> peers) {
    static final int MAX_FLOWS = 500;

    static AddressActivity of(byte[] address, List<CaptureAnalysis> captures) {
        byte[] wanted = IpAddresses.unmapV4(address);
        List<Flow> flows = new ArrayList<>();
        Map<String, ObservedName> names = new LinkedHashMap<>();
        Map<String, Integer> peers = new LinkedHashMap<>();
        int total = 0;
        for (CaptureAnalysis capture : captures) {
            for (Flow f : capture.flows()) {
                boolean isResponder = Arrays.equals(f.responder(), wanted);
                if (!isResponder && !Arrays.equals(f.initiator(), wanted)) {
                    continue;
                }
                total++;
                if (flows.size() < MAX_FLOWS) {
                    flows.add(f);
                }
                peers.merge(IpAddresses.format(isResponder ? f.initiator() : f.responder()), 1, Integer::sum);
                if (isResponder) {
                    for (FlowName n : f.names()) {
                        names.putIfAbsent(n.name() + "|" + n.source(), ObservedName.of(n.name(), source(n), Instant.ofEpochSecond(0, n.timeNanos())));
                    }
                }
            }
        }
        return new AddressActivity(flows, total, List.copyOf(names.values()), peers);
    }

    private static NameSource source(FlowName n) {
        return switch (n.source()) {
            case DNS -> NameSource.DNS_ANSWER;
            case TLS_SNI, QUIC_SNI -> NameSource.TLS_SNI;
            case HTTP_HOST -> NameSource.HTTP_HOST;
        };
    }
}
