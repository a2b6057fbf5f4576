package io.egress.detect;

import java.util.Comparator;
import java.util.List;

/**
 * The detectors available, highest priority first, and the contributions that could not be read.
 *
 * @param detectors    usable detectors, ordered by descending priority, then id
 * @param loadFailures contributions that were skipped, each with its reason
 */
public record DetectorCatalog(List<DetectorDescriptor> detectors, List<DetectorFailure> loadFailures) {
    public static final Comparator<DetectorDescriptor> ORDER = Comparator.comparingInt(DetectorDescriptor::priority).reversed()
            .thenComparing(DetectorDescriptor::id);

    public DetectorCatalog {
        detectors = detectors.stream().sorted(ORDER).toList();
        loadFailures = List.copyOf(loadFailures);
    }

    public static DetectorCatalog of(List<DetectorDescriptor> detectors) {
        return new DetectorCatalog(detectors, List.of());
    }
}
