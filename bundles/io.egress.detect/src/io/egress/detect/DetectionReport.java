package io.egress.detect;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The result of running a catalog of detectors over one input.
 *
 * @param findings  all findings, highest severity then score first
 * @param failures  detectors that failed to load, threw or ran out of time
 * @param durations how long each detector that ran took (a timed-out one: its budget)
 */
public record DetectionReport(List<Finding> findings, List<DetectorFailure> failures, Map<String, Duration> durations) {
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).reversed()
            .thenComparing(Comparator.comparingInt((Finding f) -> f.score()).reversed())
            .thenComparing(Finding::detector).thenComparing(Finding::title);

    public DetectionReport {
        findings = findings.stream().sorted(ORDER).toList();
        failures = List.copyOf(failures);
        durations = Map.copyOf(durations);
    }

    /** The findings of one detector. */
    public List<Finding> findingsOf(String detector) {
        return findings.stream().filter(f -> f.detector().equals(detector)).toList();
    }
}
