package io.egress.detect;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What a detector knows about its own run.
 *
 * @param detectorId      the id it was contributed under (to put in its findings)
 * @param defaultSeverity the severity its contribution declares (findings may go above or below)
 * @param parameters      its parameters, defaults applied
 * @param cancellation    true once the run was cancelled or the time budget is spent
 */
public record DetectorContext(String detectorId, Severity defaultSeverity, Parameters parameters, BooleanSupplier cancellation) {
    public DetectorContext {
        Objects.requireNonNull(detectorId, "detectorId");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(cancellation, "cancellation");
    }

    /** A context for running a detector directly (tests, jobs), never cancelled. */
    public static DetectorContext of(String detectorId, Severity defaultSeverity, Parameters parameters) {
        return new DetectorContext(detectorId, defaultSeverity, parameters, () -> Thread.currentThread().isInterrupted());
    }

    /** Whether the detector should stop: polled in long loops. */
    public boolean cancelled() {
        return cancellation.getAsBoolean();
    }
}
