package io.egress.detect.internal.backtest;

import java.util.List;
import java.util.OptionalDouble;

/**
 * How one detector did on a labelled set.
 *
 * @param detector        detector id
 * @param name            its human name
 * @param labels          labelled activities it should find (its own and "any" labels)
 * @param detected        of those, how many it found (a finding mentioning the indicator)
 * @param truePositives   findings that matched a label
 * @param falsePositives  findings that matched none
 * @param benignFlows     flows of the set not involving any labelled indicator
 * @param timesToDetect   per detected label: seconds from the activity's start until the detector
 *                        first reported it, at checkpoint resolution
 * @param failures        runs in which the detector failed (threw, timed out)
 */
public record DetectorScore(String detector, String name, int labels, int detected, int truePositives, int falsePositives,
        long benignFlows, List<Double> timesToDetect, int failures) {

    public DetectorScore {
        timesToDetect = List.copyOf(timesToDetect);
    }

    /** True positives over all findings; empty without findings. */
    public OptionalDouble precision() {
        int all = truePositives + falsePositives;
        return all == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) truePositives / all);
    }

    /** Detected labels over labels; empty without labels. */
    public OptionalDouble recall() {
        return labels == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) detected / labels);
    }

    /** False positives per 1,000 benign flows. */
    public double falsePositivesPer1000Flows() {
        return benignFlows == 0 ? 0 : falsePositives * 1000.0 / benignFlows;
    }

    public OptionalDouble medianTimeToDetect() {
        if (timesToDetect.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sorted = timesToDetect.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return OptionalDouble.of(n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
    }
}
