package io.egress.core.timeline;

import java.util.Objects;

/**
 * Who a top-level timeline row stands for. Offline captures only know the initiating host; once
 * flows carry process attribution the same row type holds a process, so the view does not change.
 *
 * @param kind  host or process
 * @param id    stable identity within the kind (canonical address, or pid with start time)
 * @param label what the analyst reads
 */
public record RowKey(Kind kind, String id, String label) {
    public enum Kind {
        HOST, PROCESS
    }

    public RowKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }

    public static RowKey host(String canonicalAddress) {
        return new RowKey(Kind.HOST, canonicalAddress, canonicalAddress);
    }

    /** A process; the start time keeps two lives of a reused pid apart. */
    public static RowKey process(long pid, long startMillis, String name) {
        return new RowKey(Kind.PROCESS, pid + "@" + startMillis, name + " (" + pid + ")");
    }
}
