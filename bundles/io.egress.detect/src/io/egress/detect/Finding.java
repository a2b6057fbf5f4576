package io.egress.detect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a detector found suspicious, with the reasons for its score.
 *
 * @param detector    id of the detector that produced it
 * @param severity    how urgent it is
 * @param score       strength of the evidence, 0..100
 * @param title       one line, e.g. "beaconing to 24.199.110.233 every 15 s"
 * @param explanation why this looks wrong, in plain words for a non-specialist
 * @param technique   MITRE ATT&amp;CK technique id where one fits (e.g. {@code T1071.004}), otherwise empty
 * @param subScores   the named parts the score was computed from
 * @param evidence    what the finding points at
 */
public record Finding(String detector, Severity severity, int score, String title, String explanation,
        Optional<String> technique, List<SubScore> subScores, Evidence evidence) {

    public Finding {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(technique, "technique");
        Objects.requireNonNull(evidence, "evidence");
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be within 0..100: " + score);
        }
        subScores = List.copyOf(subScores);
    }

    /** Converts a 0..1 strength into a 0..100 score, rounding half up. */
    public static int score(double strength) {
        return (int) Math.round(Math.max(0, Math.min(1, strength)) * 100);
    }
}
