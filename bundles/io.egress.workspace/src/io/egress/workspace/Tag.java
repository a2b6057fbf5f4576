package io.egress.workspace;

import java.util.Objects;

/** A label on an address, process or flow, e.g. {@code benign}, {@code c2}, {@code to-check}. */
public record Tag(Subject subject, String tag) {
    public Tag {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tag, "tag");
    }
}
