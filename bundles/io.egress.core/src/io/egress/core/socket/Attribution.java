package io.egress.core.socket;

import java.time.Duration;
import java.util.Objects;

/**
 * How a socket or flow was tied to its process.
 *
 * @param method     how the owner was found, or why not
 * @param confidence how far to trust it
 * @param delay      time from the event that asked (first packet of a flow) to the lookup;
 *                   {@link Duration#ZERO} for rows of a snapshot, which have no such event
 * @param note       extra words for the analyst (e.g. "also held by pids 12, 14"), empty if none
 */
public record Attribution(AttributionMethod method, Confidence confidence, Duration delay, String note) {

    public Attribution {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(note, "note");
    }

    /** An attribution without delay or note. */
    public static Attribution of(AttributionMethod method, Confidence confidence) {
        return new Attribution(method, confidence, Duration.ZERO, "");
    }

    /** The explanation shown to the analyst: the method's meaning plus the note. */
    public String describe() {
        return note.isEmpty() ? method.meaning() : method.meaning() + "; " + note;
    }
}
