package io.egress.workspace;

import java.util.Objects;

/** A named time range of the investigation, nanoseconds since the epoch, start inclusive. */
public record Bookmark(String name, long startNanos, long endNanos) {
    public Bookmark {
        Objects.requireNonNull(name, "name");
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("bookmark '" + name + "' ends before it starts");
        }
    }
}
