package io.egress.detect.internal.detectors;

import io.egress.core.flow.Flow;
import io.egress.detect.DetectionInput;
import io.egress.detect.Detector;
import io.egress.detect.DetectorContext;
import io.egress.detect.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Connections to the Internet that stay open for a long time: remote-access tools and implants
 * keep a channel open to receive commands at once.
 */
public final class LongConnectionDetector implements Detector {
    public static final String ID = "io.egress.detect.longconnection";
    public static final Map<String, String> DEFAULTS = BeaconingDetector.ordered("minMinutes", "60", "publicOnly", "true");

    @Override
    public List<Finding> detect(DetectionInput input, DetectorContext context) {
        double minSeconds = context.parameters().decimal("minMinutes", 60) * 60;
        boolean publicOnly = Boolean.parseBoolean(context.parameters().text("publicOnly", "true"));
        List<Finding> findings = new ArrayList<>();
        List<Flow> flows = input.flows();
        for (int i = 0; i < flows.size() && !context.cancelled(); i++) {
            Flow f = flows.get(i);
            double seconds = f.durationNanos() / 1e9;
            if (seconds < minSeconds || (publicOnly && !FlowFacts.isPublic(f.responder()))) {
                continue;
            }
            double length = Math.min(1, (seconds - minSeconds) / (7 * minSeconds));
            double strength = 0.6 + 0.4 * length;
            String target = FlowFacts.destinationName(f).orElseGet(() -> FlowFacts.text(f.responder()));
            Findings b = new Findings(input, context).flow(i)
                    .sub("duration", length, String.format(Locale.ROOT, "open %s; the threshold is %s and 8 times it scores 1",
                            FlowFacts.seconds(seconds), FlowFacts.seconds(minSeconds)));
            FlowFacts.destinationName(f).ifPresent(b::name);
            findings.add(b.build(context.defaultSeverity(), strength,
                    "connection to " + target + " open for " + FlowFacts.seconds(seconds) + " from " + FlowFacts.originLabel(input, i),
                    "A connection to the Internet stayed open for " + FlowFacts.seconds(seconds) + ". Remote-control tools and implants"
                            + " keep such a channel open to receive commands immediately; so do chat, mail and update services, so check"
                            + " which program owns it.",
                    null));
        }
        return findings;
    }
}
