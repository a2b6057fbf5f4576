package io.egress.detect.internal.detectors;

import io.egress.core.flow.Flow;
import io.egress.detect.DetectionInput;
import io.egress.detect.Detector;
import io.egress.detect.DetectorContext;
import io.egress.detect.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A program that suddenly talks to a country or network (ASN) it never used before. The first part
 * of the capture ({@code baselineFraction}) teaches what each origin normally contacts; contacts
 * after it to an unseen country or ASN are reported. Needs an {@link io.egress.detect.Enrichment}.
 */
public final class NewDestinationRegionDetector implements Detector {
    public static final String ID = "io.egress.detect.newregion";
    public static final Map<String, String> DEFAULTS = BeaconingDetector.ordered("baselineFraction", "0.5", "minBaselineFlows", "5");

    @Override
    public List<Finding> detect(DetectionInput input, DetectorContext context) {
        double fraction = context.parameters().decimal("baselineFraction", 0.5);
        int minBaseline = context.parameters().integer("minBaselineFlows", 5);
        long learnUntil = input.captureTime().firstNanos() + (long) (input.captureTime().durationNanos() * fraction);
        Map<String, Set<String>> known = new HashMap<>();
        Map<String, Integer> baselineFlows = new HashMap<>();
        Map<String, List<Integer>> novel = new LinkedHashMap<>();
        Map<String, String> novelWhat = new HashMap<>();
        List<Flow> flows = input.flows();
        for (int i = 0; i < flows.size(); i++) {
            Flow f = flows.get(i);
            if (!FlowFacts.isPublic(f.responder())) {
                continue;
            }
            byte[] remote = f.responder();
            Optional<String> country = input.enrichment().country(remote).map(c -> "country " + c);
            Optional<String> asn = input.enrichment().asn(remote).map(a -> "network " + a);
            if (country.isEmpty() && asn.isEmpty()) {
                continue;
            }
            String origin = FlowFacts.originKey(input, i);
            Set<String> seen = known.computeIfAbsent(origin, k -> new HashSet<>());
            if (f.firstNanos() <= learnUntil) {
                country.ifPresent(seen::add);
                asn.ifPresent(seen::add);
                baselineFlows.merge(origin, 1, Integer::sum);
                continue;
            }
            if (baselineFlows.getOrDefault(origin, 0) < minBaseline) {
                continue;
            }
            for (Optional<String> region : List.of(country, asn)) {
                if (region.isPresent() && !seen.contains(region.get())) {
                    String key = origin + " " + region.get();
                    novel.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                    novelWhat.put(key, region.get());
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        novel.forEach((key, indexes) -> {
            String region = novelWhat.get(key);
            String origin = FlowFacts.originLabel(input, indexes.get(0));
            Findings b = new Findings(input, context).flows(indexes).sub(region.startsWith("country") ? "new-country" : "new-network", 1,
                    region + " not contacted during the first " + Math.round(fraction * 100) + " % of the capture");
            findings.add(b.build(context.defaultSeverity(), region.startsWith("country") ? 0.6 : 0.5,
                    origin + " contacts " + region + " for the first time",
                    origin + " talked only to other countries and networks earlier in the capture and now reaches " + region
                            + ". A program that changes where it sends data may have been taken over or told to use a new server.",
                    null));
        });
        return findings;
    }
}
