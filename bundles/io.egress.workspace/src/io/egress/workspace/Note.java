package io.egress.workspace;

import java.util.Objects;

/**
 * An analyst's note. One note per subject; an empty text means no note.
 *
 * @param subject      what it is about
 * @param text         the note
 * @param updatedMillis when it was last edited, epoch milliseconds
 */
public record Note(Subject subject, String text, long updatedMillis) {
    public Note {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
