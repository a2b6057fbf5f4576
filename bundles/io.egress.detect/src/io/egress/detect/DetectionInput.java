package io.egress.detect;

import io.egress.core.flow.Flow;
import io.egress.core.flow.NameSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything detectors look at: the flows of a capture or a live session and, when known, their
 * processes, packet bursts inside long flows, DNS questions and an enrichment lookup. Immutable and
 * free of OSGi, so the same input can be built by a distributed job from flow exports.
 *
 * @param flows       the flows, referred to by index in findings
 * @param captureTime the time the capture (or session) covers
 * @param processes   flow-to-process attribution ({@link ProcessAttribution#NONE} for a file)
 * @param enrichment  country and ASN lookups ({@link Enrichment#NONE} without databases)
 * @param bursts      packet bursts per flow index, for the flows where they were recorded
 * @param dnsQueries  DNS questions seen, in time order (empty when DNS was not parsed)
 */
public record DetectionInput(List<Flow> flows, TimeSpan captureTime, ProcessAttribution processes, Enrichment enrichment,
        Map<Integer, FlowBursts> bursts, List<DnsQuery> dnsQueries) {

    public DetectionInput {
        Objects.requireNonNull(flows, "flows");
        Objects.requireNonNull(captureTime, "captureTime");
        Objects.requireNonNull(processes, "processes");
        Objects.requireNonNull(enrichment, "enrichment");
        bursts = Map.copyOf(bursts);
        dnsQueries = List.copyOf(dnsQueries);
    }

    /** An input of flows alone, with the capture time taken from the flows. */
    public static DetectionInput of(List<Flow> flows) {
        return builder(flows).build();
    }

    public static Builder builder(List<Flow> flows) {
        return new Builder(flows);
    }

    /** The bursts recorded for a flow, or empty. */
    public Optional<FlowBursts> burstsOf(int flow) {
        return Optional.ofNullable(bursts.get(flow));
    }

    /** Whether DNS traffic is visible at all (questions parsed or flows named from DNS answers). */
    public boolean dnsVisible() {
        return !dnsQueries.isEmpty() || flows.stream().anyMatch(f -> f.names().stream().anyMatch(n -> n.source() == NameSource.DNS));
    }

    /**
     * This input as it was known at {@code cutNanos}: flows that started later are left out and
     * the rest are renumbered in their original order (processes, bursts and DNS questions follow
     * them), later bursts and DNS questions are dropped and each flow's last time is clipped. Byte
     * and packet counters are not clipped: a detector sees a long flow's final totals early, so a
     * backtest's time-to-detect is optimistic for volume-based detectors.
     */
    public DetectionInput knownAt(long cutNanos) {
        List<Flow> kept = new ArrayList<>();
        int[] newIndex = new int[flows.size()];
        Map<Integer, Integer> oldIndex = new HashMap<>();
        for (int i = 0; i < flows.size(); i++) {
            Flow f = flows.get(i);
            newIndex[i] = -1;
            if (f.firstNanos() <= cutNanos) {
                newIndex[i] = kept.size();
                oldIndex.put(kept.size(), i);
                kept.add(clip(f, cutNanos));
            }
        }
        Map<Integer, FlowBursts> cutBursts = new HashMap<>();
        bursts.forEach((flow, b) -> {
            int n = 0;
            while (n < b.count() && b.startNanos(n) <= cutNanos) {
                n++;
            }
            if (n > 0 && newIndex[flow] >= 0) {
                cutBursts.put(newIndex[flow], b.first(n, b.truncated() || n < b.count()));
            }
        });
        List<DnsQuery> queries = dnsQueries.stream().filter(q -> q.timeNanos() <= cutNanos)
                .map(q -> new DnsQuery(q.timeNanos(), q.flow() >= 0 ? newIndex[q.flow()] : -1, q.client(), q.server(), q.name(), q.type()))
                .toList();
        ProcessAttribution old = processes;
        ProcessAttribution renumbered = flow -> {
            Integer i = oldIndex.get(flow);
            return i == null ? Optional.empty() : old.processOf(i);
        };
        long end = Math.max(captureTime.firstNanos(), Math.min(cutNanos, captureTime.lastNanos()));
        return new DetectionInput(kept, new TimeSpan(captureTime.firstNanos(), end), renumbered, enrichment, cutBursts, queries);
    }

    private static Flow clip(Flow f, long cutNanos) {
        if (f.lastNanos() <= cutNanos) {
            return f;
        }
        return new Flow(f.key(), f.initiator(), f.initiatorPort(), f.responder(), f.responderPort(), f.forward(), f.reverse(),
                f.firstNanos(), cutNanos, f.tcpState(), f.retransmissions(), f.icmpErrors(), f.communityId(),
                f.names().stream().filter(n -> n.timeNanos() <= cutNanos).toList(), f.portsKnown());
    }

    /** Builds an input; only the flows are required. */
    public static final class Builder {
        private final List<Flow> flows;
        private TimeSpan captureTime;
        private ProcessAttribution processes = ProcessAttribution.NONE;
        private Enrichment enrichment = Enrichment.NONE;
        private Map<Integer, FlowBursts> bursts = Map.of();
        private List<DnsQuery> dnsQueries = List.of();

        private Builder(List<Flow> flows) {
            this.flows = Objects.requireNonNull(flows, "flows");
        }

        public Builder captureTime(TimeSpan span) { this.captureTime = span; return this; }

        public Builder processes(ProcessAttribution attribution) { this.processes = attribution; return this; }

        public Builder enrichment(Enrichment lookup) { this.enrichment = lookup; return this; }

        public Builder bursts(Map<Integer, FlowBursts> byFlow) { this.bursts = byFlow; return this; }

        public Builder dnsQueries(List<DnsQuery> queries) { this.dnsQueries = queries; return this; }

        public DetectionInput build() {
            TimeSpan span = captureTime != null ? captureTime : spanOf(flows);
            return new DetectionInput(flows, span, processes, enrichment, bursts, dnsQueries);
        }

        private static TimeSpan spanOf(List<Flow> flows) {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (Flow f : flows) {
                if (f != null) {
                    first = Math.min(first, f.firstNanos());
                    last = Math.max(last, f.lastNanos());
                }
            }
            return first == Long.MAX_VALUE ? new TimeSpan(0, 0) : new TimeSpan(first, last);
        }
    }
}
