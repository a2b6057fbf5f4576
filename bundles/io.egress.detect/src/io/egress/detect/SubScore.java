package io.egress.detect;

import java.util.Objects;

/**
 * One named part of a finding's score, so that the finding explains how its score came about.
 *
 * @param name   short stable name, e.g. {@code interval-skew}
 * @param value  the part's value, 0 (no evidence) to 1 (strongest evidence)
 * @param detail what was measured, in plain words, e.g. "median interval 15.1 s"
 */
public record SubScore(String name, double value, String detail) {
    public SubScore {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("sub-score " + name + " must be within 0..1: " + value);
        }
    }
}
