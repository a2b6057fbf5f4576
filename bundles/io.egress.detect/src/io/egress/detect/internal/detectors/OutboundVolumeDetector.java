package io.egress.detect.internal.detectors;

import io.egress.core.flow.Flow;
import io.egress.detect.DetectionInput;
import io.egress.detect.Detector;
import io.egress.detect.DetectorContext;
import io.egress.detect.Finding;
import io.egress.detect.internal.stats.RobustStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Much more data sent than received, per origin and destination: an upload nobody asked for is
 * how screenshots, documents and keystrokes leave a machine. Payload bytes, initiator to responder.
 */
public final class OutboundVolumeDetector implements Detector {
    public static final String ID = "io.egress.detect.outboundvolume";
    public static final Map<String, String> DEFAULTS = BeaconingDetector.ordered("minOutBytes", "1048576", "minRatio", "5",
            "publicOnly", "true");

    @Override
    public List<Finding> detect(DetectionInput input, DetectorContext context) {
        long minOut = (long) context.parameters().decimal("minOutBytes", 1 << 20);
        double minRatio = context.parameters().decimal("minRatio", 5);
        boolean publicOnly = Boolean.parseBoolean(context.parameters().text("publicOnly", "true"));
        Map<String, Volume> volumes = new LinkedHashMap<>();
        List<Flow> flows = input.flows();
        for (int i = 0; i < flows.size(); i++) {
            Flow f = flows.get(i);
            if (publicOnly && !FlowFacts.isPublic(f.responder())) {
                continue;
            }
            String destination = FlowFacts.destinationName(f).orElseGet(() -> FlowFacts.text(f.responder()));
            Volume v = volumes.computeIfAbsent(FlowFacts.originKey(input, i) + " -> " + destination, k -> new Volume(destination));
            v.flows.add(i);
            v.out += f.forward().payloadBytes();
            v.in += f.reverse().payloadBytes();
        }
        List<Finding> findings = new ArrayList<>();
        for (Volume v : volumes.values()) {
            double ratio = (double) v.out / Math.max(1, v.in);
            if (v.out < minOut || ratio < minRatio) {
                continue;
            }
            double ratioScore = RobustStats.unit(Math.log10(ratio) / 2);
            double volumeScore = RobustStats.unit(0.5 + Math.log10((double) v.out / minOut) / 2);
            Findings b = new Findings(input, context).flows(v.flows)
                    .sub("out-in-ratio", ratioScore, String.format(Locale.ROOT, "%.1f times more sent than received", ratio))
                    .sub("volume", volumeScore, FlowFacts.bytes(v.out) + " sent, " + FlowFacts.bytes(v.in) + " received");
            if (!Character.isDigit(v.destination.charAt(0)) && !v.destination.contains(":")) {
                b.name(v.destination);
            }
            String origin = FlowFacts.originLabel(input, v.flows.get(0));
            findings.add(b.build(context.defaultSeverity(), 0.5 * ratioScore + 0.5 * volumeScore,
                    FlowFacts.bytes(v.out) + " sent to " + v.destination + " from " + origin + " (" + String.format(Locale.ROOT, "%.0f", ratio)
                            + "x more than received)",
                    origin + " sent " + FlowFacts.bytes(v.out) + " to " + v.destination + " and got only " + FlowFacts.bytes(v.in)
                            + " back. Browsing and downloads receive far more than they send; a one-way upload is how stolen data"
                            + " leaves a machine, unless it is a backup or a file you shared.",
                    "T1048"));
        }
        return findings;
    }

    /** Bytes of one origin-destination pair. */
    private static final class Volume {
        final String destination;
        final List<Integer> flows = new ArrayList<>();
        long out;
        long in;

        Volume(String destination) {
            this.destination = destination;
        }
    }
}
