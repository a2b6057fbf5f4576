package io.egress.core.timeline;

/**
 * How a marker is drawn, least to most urgent. Same names as the detectors' severity, so a finding
 * maps with {@code MarkerSeverity.valueOf(finding.severity().name())} without core knowing detectors.
 */
public enum MarkerSeverity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL
}
