package io.egress.detect.internal.detectors;

import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowName;
import io.egress.detect.DetectionInput;
import io.egress.detect.Detector;
import io.egress.detect.DetectorContext;
import io.egress.detect.DnsQuery;
import io.egress.detect.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches remote addresses, connection names and DNS questions against threat-intelligence lists
 * (files named in {@code lists}, or entries given inline in {@code indicators}).
 */
public final class ThreatIntelDetector implements Detector {
    public static final String ID = "io.egress.detect.threatintel";
    public static final Map<String, String> DEFAULTS = BeaconingDetector.ordered("lists", "", "indicators", "");

    @Override
    public List<Finding> detect(DetectionInput input, DetectorContext context) throws java.io.IOException {
        ThreatList list = new ThreatList();
        for (String file : context.parameters().list("lists", "")) {
            list.load(Path.of(file));
        }
        for (String entry : context.parameters().list("indicators", "")) {
            list.add(entry, "parameter indicators");
        }
        if (list.size() == 0) {
            return List.of();
        }
        Map<String, Findings> hits = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        List<Flow> flows = input.flows();
        for (int i = 0; i < flows.size() && !context.cancelled(); i++) {
            Flow f = flows.get(i);
            for (byte[] address : List.of(f.responder(), f.initiator())) {
                int flow = i;
                list.matchAddress(address).ifPresent(e -> hit(input, context, hits, titles, e, FlowFacts.text(address), flow));
            }
            for (FlowName n : f.names()) {
                int flow = i;
                list.matchName(n.name()).ifPresent(e -> hit(input, context, hits, titles, e, n.name(), flow).name(n.name()));
            }
        }
        for (DnsQuery q : input.dnsQueries()) {
            list.matchName(q.name()).ifPresent(e -> {
                Findings b = hit(input, context, hits, titles, e, q.name(), q.flow()).name(q.name()).time(q.timeNanos(), q.timeNanos());
                b.address(q.server());
            });
        }
        List<Finding> findings = new ArrayList<>();
        hits.forEach((key, b) -> findings.add(b.build(context.defaultSeverity(), 1, titles.get(key),
                "This address or name is on a threat-intelligence list you supplied (" + key + "). Lists name servers known to"
                        + " host malware, phishing or command-and-control; a contact means this machine talked to one of them.",
                "T1071")));
        return findings;
    }

    private static Findings hit(DetectionInput input, DetectorContext context, Map<String, Findings> hits, Map<String, String> titles,
            ThreatList.Entry e, String matched, int flow) {
        String key = e.indicator() + " from " + e.source();
        Findings b = hits.computeIfAbsent(key, k -> new Findings(input, context).sub("list-match", 1, "matched " + e.indicator()
                + " of " + e.source()));
        titles.putIfAbsent(key, "contact with listed " + matched + " (" + e.source() + ")");
        if (flow >= 0) {
            b.flow(flow);
        }
        return b;
    }
}
