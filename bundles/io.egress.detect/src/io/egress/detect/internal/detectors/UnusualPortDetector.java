package io.egress.detect.internal.detectors;

import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowName;
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
 * A well-known protocol (TLS, QUIC, HTTP, recognised from its own handshake) on a port that
 * protocol does not normally use: a way to slip past port-based firewall rules.
 */
public final class UnusualPortDetector implements Detector {
    public static final String ID = "io.egress.detect.unusualport";
    public static final Map<String, String> DEFAULTS = BeaconingDetector.ordered(
            "tlsPorts", "443,8443,993,995,465,587,853,636,989,990,992,994,5061,5223,5228,6697,8883,9443",
            "quicPorts", "443,8443,4433",
            "httpPorts", "80,8080,8000,8008,8081,8888,3128,591,5000");

    @Override
    public List<Finding> detect(DetectionInput input, DetectorContext context) {
        Set<Integer> tls = Set.copyOf(context.parameters().integers("tlsPorts", DEFAULTS.get("tlsPorts")));
        Set<Integer> quic = Set.copyOf(context.parameters().integers("quicPorts", DEFAULTS.get("quicPorts")));
        Set<Integer> http = Set.copyOf(context.parameters().integers("httpPorts", DEFAULTS.get("httpPorts")));
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        Map<String, FlowName> groupName = new LinkedHashMap<>();
        List<Flow> flows = input.flows();
        for (int i = 0; i < flows.size(); i++) {
            Flow f = flows.get(i);
            for (FlowName n : f.names()) {
                Set<Integer> usual = switch (n.source()) {
                    case TLS_SNI -> tls;
                    case QUIC_SNI -> quic;
                    case HTTP_HOST -> http;
                    case DNS -> null;
                };
                if (usual != null && !usual.contains(f.responderPort())) {
                    String key = FlowFacts.originKey(input, i) + " " + n.source() + " " + FlowFacts.text(f.responder()) + ":" + f.responderPort();
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                    groupName.putIfAbsent(key, n);
                    break;
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        groups.forEach((key, indexes) -> {
            Flow f = flows.get(indexes.get(0));
            FlowName n = groupName.get(key);
            String protocol = protocol(n.source());
            Findings b = new Findings(input, context).flows(indexes).name(n.name())
                    .sub("protocol-port-mismatch", 1, protocol + " seen on port " + f.responderPort());
            findings.add(b.build(context.defaultSeverity(), 0.6,
                    protocol + " to " + n.name() + " on unusual port " + f.responderPort() + " from " + FlowFacts.originLabel(input, indexes.get(0)),
                    "The connection speaks " + protocol + " (it opened with a " + protocol + " handshake naming " + n.name() + ") but uses port "
                            + f.responderPort() + ", which " + protocol + " does not normally use. Malware moves familiar protocols to"
                            + " odd ports to slip past firewall rules; some self-hosted services do it too.",
                    "T1571"));
        });
        return findings;
    }

    private static String protocol(NameSource source) {
        return switch (source) {
            case TLS_SNI -> "TLS";
            case QUIC_SNI -> "QUIC";
            case HTTP_HOST -> "HTTP";
            case DNS -> "DNS";
        };
    }
}
