package io.egress.capture.internal.flow;

import java.util.Arrays;

/**
 * A set of fixed-width tuples of longs (e.g. address pairs), open addressing without boxing, to
 * count distinct values over a million flows cheaply.
 */
final class LongTupleSet {
    private final int width;
    private long[] keys;
    private boolean[] used;
    private int size;
    private int mask;

    LongTupleSet(int width, int expected) {
        this.width = width;
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[capacity * width];
        used = new boolean[capacity];
        mask = capacity - 1;
    }

    /** Adds {@code tuple[0..width)}; true when it was not there. */
    boolean add(long... tuple) {
        if ((size + 1) * 2 > used.length) {
            grow();
        }
        int s = slot(tuple, 0);
        while (used[s]) {
            if (Arrays.equals(keys, s * width, s * width + width, tuple, 0, width)) {
                return false;
            }
            s = (s + 1) & mask;
        }
        used[s] = true;
        System.arraycopy(tuple, 0, keys, s * width, width);
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private int slot(long[] source, int offset) {
        long h = 0;
        for (int i = 0; i < width; i++) {
            h = (h + source[offset + i]) * 0x9e3779b97f4a7c15L;
        }
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        used = new boolean[oldUsed.length * 2];
        mask = used.length - 1;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                int s = slot(oldKeys, i * width);
                while (used[s]) {
                    s = (s + 1) & mask;
                }
                used[s] = true;
                System.arraycopy(oldKeys, i * width, keys, s * width, width);
            }
        }
    }
}
