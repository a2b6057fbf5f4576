package io.egress.detect;

import java.util.Objects;

/**
 * A detector that produced no findings because something went wrong with it.
 *
 * @param detector the detector's id (or the contribution's, when it could not be loaded)
 * @param kind     what went wrong
 * @param message  the reason in one line
 */
public record DetectorFailure(String detector, Kind kind, String message) {
    /** What went wrong. */
    public enum Kind {
        /** The contribution is invalid or its class could not be created. */
        LOAD_FAILED,
        /** The detector threw an exception. */
        THREW,
        /** The detector ran past its time budget and was abandoned. */
        TIMED_OUT
    }

    public DetectorFailure {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "detector " + detector + " failed (" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): " + message;
    }
}
