package io.egress.detect.internal.detectors;

import io.egress.core.flow.Flow;
import io.egress.detect.DetectionInput;
import io.egress.detect.Detector;
import io.egress.detect.DetectorContext;
import io.egress.detect.DnsQuery;
import io.egress.detect.Finding;
import io.egress.detect.FlowBursts;
import io.egress.detect.Parameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds programs (or hosts) that contact one destination at regular intervals: the heartbeat of a
 * command-and-control implant. Events are connection starts, packet bursts inside long-lived flows
 * and DNS questions; they are grouped per origin (process, or local host) and destination (name,
 * else address) and scored as {@link BeaconScore} explains.
 */
public final class BeaconingDetector implements Detector {
    public static final String ID = "io.egress.detect.beaconing";
    public static final Map<String, String> DEFAULTS = ordered(
            "minEvents", "6",
            "minScore", "70",
            "mergeGapSeconds", "2",
            "minIntervalSeconds", "5",
            "ignoredPorts", "123",
            "publicOnly", "true");

    @Override
    public List<Finding> detect(DetectionInput input, DetectorContext context) {
        Parameters p = context.parameters();
        int minEvents = p.integer("minEvents", 6);
        double minScore = p.decimal("minScore", 70) / 100;
        long mergeGap = (long) (p.decimal("mergeGapSeconds", 2) * 1e9);
        double minInterval = p.decimal("minIntervalSeconds", 5);
        Set<Integer> ignoredPorts = Set.copyOf(p.integers("ignoredPorts", "123"));
        boolean publicOnly = Boolean.parseBoolean(p.text("publicOnly", "true"));

        Map<String, BeaconGroup> groups = new LinkedHashMap<>();
        List<Flow> flows = input.flows();
        for (int i = 0; i < flows.size(); i++) {
            Flow f = flows.get(i);
            if (f.responderPort() == 53 || ignoredPorts.contains(f.responderPort()) || (publicOnly && !FlowFacts.isPublic(f.responder()))) {
                continue;
            }
            Optional<String> name = FlowFacts.destinationName(f);
            String destination = name.orElseGet(() -> FlowFacts.text(f.responder()));
            BeaconGroup g = groups.computeIfAbsent(FlowFacts.originKey(input, i) + " -> " + destination,
                    k -> new BeaconGroup(destination, DnsGrouping.NONE));
            g.flows.add(i);
            Optional<FlowBursts> bursts = input.burstsOf(i);
            if (bursts.isPresent() && bursts.get().count() > 0) {
                FlowBursts b = bursts.get();
                for (int k = 0; k < b.count(); k++) {
                    g.add(b.startNanos(k), b.bytes(k));
                }
            } else {
                g.add(f.firstNanos(), f.bytes());
            }
        }
        for (DnsQuery q : input.dnsQueries()) {
            String origin = q.flow() >= 0 ? FlowFacts.originKey(input, q.flow()) : "host " + q.client();
            // A DNS beacon may ask for one name, for random names under one domain, or (several
            // hosts taking turns) for random names through one resolver: one group for each.
            dnsGroup(groups, origin + " -> dns " + q.name(), q.name(), DnsGrouping.NAME, q);
            String domain = DomainNames.registered(q.name());
            dnsGroup(groups, origin + " -> dns *." + domain, domain, DnsGrouping.DOMAIN, q);
            dnsGroup(groups, "* -> dns via " + q.server(), q.server(), DnsGrouping.RESOLVER, q);
        }
        List<Finding> findings = new ArrayList<>();
        for (BeaconGroup g : groups.values()) {
            if (context.cancelled()) {
                break;
            }
            if (!g.distinctFromNameGroup()) {
                continue;
            }
            BeaconScore.Events events = g.events(mergeGap);
            if (events.count() < minEvents) {
                continue;
            }
            BeaconScore score = BeaconScore.of(events, input.captureTime());
            if (score.medianIntervalSeconds() < minInterval || score.strength() < minScore || !score.periodic()) {
                continue;
            }
            findings.add(finding(input, context, g, score));
        }
        return findings;
    }

    private static void dnsGroup(Map<String, BeaconGroup> groups, String key, String destination, DnsGrouping grouping, DnsQuery q) {
        BeaconGroup g = groups.computeIfAbsent(key, k -> new BeaconGroup(destination, grouping));
        if (q.flow() >= 0) {
            g.flows.add(q.flow());
        }
        g.dnsServers.add(q.server());
        g.dnsNames.add(q.name());
        g.origins.add(q.client());
        g.add(q.timeNanos(), 0);
    }

    private static Finding finding(DetectionInput input, DetectorContext context, BeaconGroup g, BeaconScore s) {
        Findings b = new Findings(input, context).flows(g.flows);
        if (g.dns != DnsGrouping.NONE) {
            g.dnsNames.stream().limit(20).forEach(b::name);
            g.dnsServers.forEach(b::address);
        } else if (!Character.isDigit(g.destination.charAt(0)) && !g.destination.contains(":")) {
            b.name(g.destination);
        }
        b.time(s.firstNanos(), s.lastNanos());
        s.subScores().forEach(sub -> b.sub(sub.name(), sub.value(), sub.detail()));
        String origin = g.flows.isEmpty() ? "a host" : FlowFacts.originLabel(input, g.flows.iterator().next());
        String every = FlowFacts.seconds(s.medianIntervalSeconds());
        String what = switch (g.dns) {
            case NAME -> "periodic DNS queries for " + g.destination;
            case DOMAIN -> "periodic DNS queries for names under " + g.destination;
            case RESOLVER -> "periodic DNS queries through resolver " + g.destination;
            case NONE -> "beaconing to " + g.destination;
        };
        if (g.dns == DnsGrouping.RESOLVER) {
            origin = g.origins.size() == 1 ? g.origins.iterator().next() : g.origins.size() + " hosts";
        }
        String title = what + " every " + every + " from " + origin;
        String explanation = (g.dns != DnsGrouping.NONE ? origin + " asked " + g.dnsNames.size() + (g.dnsNames.size() == 1 ? " distinct name, " : " distinct names such as ")
                + g.dnsNames.iterator().next() : origin + " contacted " + g.destination)
                + " " + s.eventCount() + " times at a steady rhythm of about one every " + every
                + " (typical deviation " + FlowFacts.seconds(s.madSeconds()) + "). People and ordinary programs rarely keep such a"
                + " regular heartbeat; malware checking in with its command-and-control server does. The sub-scores show how"
                + " regular the intervals and sizes are and how evenly the contacts spread over the capture.";
        var severity = s.strength() >= 0.9 ? context.defaultSeverity().shifted(1) : context.defaultSeverity();
        return b.build(severity, s.strength(), title, explanation, g.dns != DnsGrouping.NONE ? "T1071.004" : "T1071");
    }

    static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** How DNS questions were grouped; NONE for connections. */
    private enum DnsGrouping {
        NONE, NAME, DOMAIN, RESOLVER
    }

    /** The events of one origin-destination pair. */
    private static final class BeaconGroup {
        final String destination;
        final DnsGrouping dns;
        final java.util.Set<Integer> flows = new java.util.LinkedHashSet<>();
        final java.util.Set<String> dnsServers = new java.util.LinkedHashSet<>();
        final java.util.Set<String> dnsNames = new java.util.LinkedHashSet<>();
        final java.util.Set<String> origins = new java.util.LinkedHashSet<>();
        private long[] times = new long[16];
        private long[] sizes = new long[16];
        private int n;

        BeaconGroup(String destination, DnsGrouping dns) {
            this.destination = destination;
            this.dns = dns;
        }

        /** Wider DNS groups that hold a single name and origin would repeat the per-name finding. */
        boolean distinctFromNameGroup() {
            return switch (dns) {
                case NONE, NAME -> true;
                case DOMAIN -> dnsNames.size() > 1;
                case RESOLVER -> dnsNames.size() > 1 && origins.size() > 1;
            };
        }

        void add(long time, long size) {
            if (n == times.length) {
                times = java.util.Arrays.copyOf(times, n * 2);
                sizes = java.util.Arrays.copyOf(sizes, n * 2);
            }
            times[n] = time;
            sizes[n++] = size;
        }

        BeaconScore.Events events(long mergeGapNanos) {
            return BeaconScore.Events.merged(java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(sizes, n), mergeGapNanos);
        }
    }
}
