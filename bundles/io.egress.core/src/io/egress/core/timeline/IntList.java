package io.egress.core.timeline;

import java.util.Arrays;
import java.util.function.IntConsumer;

/** A growable int array, so grouping a million flows does not box a million Integers. */
final class IntList {
    private int[] values = new int[4];
    private int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    void forEach(IntConsumer action) {
        for (int i = 0; i < size; i++) {
            action.accept(values[i]);
        }
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
