package io.egress.capture;

import io.egress.capture.internal.flow.FlowSnapshot;
import io.egress.core.flow.Flow;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The flows of an engine at one moment, in the order they were first seen. Immutable and
 * thread-safe; each {@link #get(int)} builds its {@link Flow}, so a view can show a window of a
 * million flows without materialising them all.
 */
public final class FlowList extends AbstractList<Flow> implements RandomAccess {
    private final FlowSnapshot snapshot;
    /** Counted on first use; two threads racing both compute the same value. */
    private volatile ConversationCounts conversations;

    FlowList(FlowSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public Flow get(int index) {
        return snapshot.get(index);
    }

    @Override
    public int size() {
        return snapshot.size();
    }

    /** Conversation counts of these flows, comparable with tshark's. */
    public ConversationCounts conversations() {
        ConversationCounts c = conversations;
        if (c == null) {
            c = snapshot.conversations();
            conversations = c;
        }
        return c;
    }
}
