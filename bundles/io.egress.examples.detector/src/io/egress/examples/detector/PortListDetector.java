package io.egress.examples.detector;

import io.egress.core.flow.Flow;
import io.egress.core.net.IpAddresses;
import io.egress.detect.DetectionInput;
import io.egress.detect.Detector;
import io.egress.detect.DetectorContext;
import io.egress.detect.Evidence;
import io.egress.detect.Finding;
import io.egress.detect.SubScore;
import io.egress.detect.TimeSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reports connections whose remote port is on the {@code ports} list: one finding per remote
 * address and port. An example of a detector built only against the exported Egress API.
 */
public final class PortListDetector implements Detector {
    @Override
    public List<Finding> detect(DetectionInput input, DetectorContext context) {
        Set<Integer> ports = Set.copyOf(context.parameters().integers("ports", "1337,4444,5555,6667,31337"));
        Map<String, List<Integer>> byRemote = new LinkedHashMap<>();
        List<Flow> flows = input.flows();
        for (int i = 0; i < flows.size() && !context.cancelled(); i++) {
            Flow f = flows.get(i);
            if (ports.contains(f.responderPort())) {
                byRemote.computeIfAbsent(IpAddresses.format(f.responder()) + " port " + f.responderPort(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Finding> findings = new ArrayList<>();
        byRemote.forEach((remote, indexes) -> {
            Flow first = flows.get(indexes.get(0));
            long start = indexes.stream().mapToLong(i -> flows.get(i).firstNanos()).min().orElseThrow();
            long end = indexes.stream().mapToLong(i -> flows.get(i).lastNanos()).max().orElseThrow();
            Evidence evidence = new Evidence(indexes, List.of(new TimeSpan(start, end)), input.processes().processOf(indexes.get(0)),
                    IpAddresses.format(first.initiator()), List.of(IpAddresses.format(first.responder())), List.of());
            findings.add(new Finding(context.detectorId(), context.defaultSeverity(), 60, "connection to listed " + remote,
                    indexes.size() + " connection(s) went to " + remote + ", a port on your watch list ("
                            + context.parameters().text("ports", "") + ").",
                    Optional.of("T1571"), List.of(new SubScore("listed-port", 1, "port " + first.responderPort() + " is listed")), evidence));
        });
        return findings;
    }
}
