package io.egress.detect.internal.detectors;

import io.egress.core.process.ProcessInfo;
import io.egress.detect.DetectionInput;
import io.egress.detect.DetectorContext;
import io.egress.detect.Evidence;
import io.egress.detect.Finding;
import io.egress.detect.Severity;
import io.egress.detect.SubScore;
import io.egress.detect.TimeSpan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Collects the evidence and sub-scores of one finding while a detector works it out. */
final class Findings {
    private final DetectionInput input;
    private final DetectorContext context;
    private final Set<Integer> flows = new LinkedHashSet<>();
    private final Set<String> addresses = new LinkedHashSet<>();
    private final Set<String> names = new LinkedHashSet<>();
    private final List<SubScore> subScores = new ArrayList<>();
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private Optional<ProcessInfo> process = Optional.empty();
    private String host = "";

    Findings(DetectionInput input, DetectorContext context) {
        this.input = input;
        this.context = context;
    }

    /** Adds a flow: its index, its remote address, its time and its process or local host. */
    Findings flow(int index) {
        var f = input.flows().get(index);
        flows.add(index);
        addresses.add(FlowFacts.text(f.responder()));
        time(f.firstNanos(), f.lastNanos());
        if (process.isEmpty()) {
            process = input.processes().processOf(index);
        }
        if (host.isEmpty()) {
            host = FlowFacts.text(f.initiator());
        }
        return this;
    }

    Findings flows(Collection<Integer> indexes) {
        indexes.forEach(this::flow);
        return this;
    }

    Findings time(long firstNanos, long lastNanos) {
        first = Math.min(first, firstNanos);
        last = Math.max(last, lastNanos);
        return this;
    }

    Findings address(String address) {
        addresses.add(address);
        return this;
    }

    Findings name(String name) {
        names.add(name);
        return this;
    }

    Findings host(String localHost) {
        host = localHost;
        return this;
    }

    Findings sub(String name, double value, String detail) {
        subScores.add(new SubScore(name, Math.max(0, Math.min(1, value)), detail));
        return this;
    }

    Finding build(Severity severity, double strength, String title, String explanation, String technique) {
        List<TimeSpan> spans = first == Long.MAX_VALUE ? List.of() : List.of(new TimeSpan(first, Math.max(first, last)));
        Evidence evidence = new Evidence(List.copyOf(flows), spans, process, host, List.copyOf(addresses), List.copyOf(names));
        return new Finding(context.detectorId(), severity, Finding.score(strength), title, explanation,
                Optional.ofNullable(technique), subScores, evidence);
    }
}
