package io.egress.detect.internal.detectors;

import io.egress.core.flow.Flow;
import io.egress.core.flow.NameSource;
import io.egress.detect.DetectionInput;
import io.egress.detect.Detector;
import io.egress.detect.DetectorContext;
import io.egress.detect.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Connections straight to a public address that no DNS answer in the capture explains, while DNS
 * is visible in the capture (otherwise every connection would look direct). Implants often carry
 * a hard-coded address so that no DNS query betrays them. A TLS, QUIC or HTTP name on the
 * connection lowers the score: the program knew a name and may have resolved it before the
 * capture started.
 */
public final class DirectIpDetector implements Detector {
    public static final String ID = "io.egress.detect.directip";
    public static final Map<String, String> DEFAULTS = BeaconingDetector.ordered(
            "ignoredPorts", "53,67,68,123,137,138,5353,1900",
            "graceSeconds", "300");

    @Override
    public List<Finding> detect(DetectionInput input, DetectorContext context) {
        if (!input.dnsVisible()) {
            return List.of();
        }
        Set<Integer> ignored = Set.copyOf(context.parameters().integers("ignoredPorts", "53,67,68,123,137,138,5353,1900"));
        long grace = (long) (context.parameters().decimal("graceSeconds", 300) * 1e9);
        Map<String, List<Integer>> byDestination = new LinkedHashMap<>();
        List<Flow> flows = input.flows();
        // An address some DNS answer named anywhere in the capture counts as explained: the
        // engine keeps only the newest answer per name, so "named before this flow" is not reliable.
        Set<String> named = new java.util.HashSet<>();
        for (Flow f : flows) {
            if (FlowFacts.hasName(f, NameSource.DNS)) {
                named.add(FlowFacts.text(f.responder()));
            }
        }
        for (int i = 0; i < flows.size(); i++) {
            Flow f = flows.get(i);
            // A name from an answer seen before the capture began cannot be checked: skip the start.
            if (ignored.contains(f.responderPort()) || !FlowFacts.isPublic(f.responder()) || named.contains(FlowFacts.text(f.responder()))
                    || f.firstNanos() - input.captureTime().firstNanos() < grace) {
                continue;
            }
            byDestination.computeIfAbsent(FlowFacts.originKey(input, i) + " " + FlowFacts.text(f.responder()), k -> new ArrayList<>()).add(i);
        }
        List<Finding> findings = new ArrayList<>();
        byDestination.values().forEach(indexes -> {
            Flow f = flows.get(indexes.get(0));
            boolean anyName = indexes.stream().anyMatch(i -> !flows.get(i).names().isEmpty());
            double strength = anyName ? 0.4 : 0.7;
            Findings b = new Findings(input, context).flows(indexes)
                    .sub("no-dns-answer", 1, "no DNS answer in the capture named " + FlowFacts.text(f.responder()))
                    .sub("no-name-at-all", anyName ? 0 : 1, anyName ? "the connection carried a TLS, QUIC or HTTP name" : "no name of any kind");
            FlowFacts.destinationName(f).ifPresent(b::name);
            findings.add(b.build(context.defaultSeverity(), strength,
                    "direct connection to " + FlowFacts.text(f.responder()) + " without DNS from " + FlowFacts.originLabel(input, indexes.get(0)),
                    "The capture shows DNS lookups, yet " + indexes.size() + " connection(s) went to " + FlowFacts.text(f.responder())
                            + " without any answer naming it. Programs normally look names up first; a hard-coded address is a way"
                            + " for an implant to avoid DNS logs.",
                    null));
        });
        return findings;
    }
}
