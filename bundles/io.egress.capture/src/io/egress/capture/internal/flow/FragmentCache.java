package io.egress.capture.internal.flow;

/**
 * Remembers, for recently seen first fragments, which flow their datagram belongs to, so that the
 * later fragments (which carry no ports) are counted in the same flow. Direct-mapped with a fixed
 * size: an old entry is simply overwritten, which keeps memory bounded on hostile input.
 */
final class FragmentCache {
    private static final int SIZE = 1 << 12;
    private static final int STRIDE = 5;

    private final long[] keys = new long[SIZE * STRIDE];
    private final int[] flows = new int[SIZE];

    FragmentCache() {
        java.util.Arrays.fill(flows, -1);
    }

    void put(long srcHi, long srcLo, long dstHi, long dstLo, int protocol, int id, int flow) {
        int slot = slot(srcHi, srcLo, dstHi, dstLo, protocol, id);
        int k = slot * STRIDE;
        keys[k] = srcHi;
        keys[k + 1] = srcLo;
        keys[k + 2] = dstHi;
        keys[k + 3] = dstLo;
        keys[k + 4] = tail(protocol, id);
        flows[slot] = flow;
    }

    /** The flow of the datagram, or -1 when its first fragment was not seen (recently). */
    int get(long srcHi, long srcLo, long dstHi, long dstLo, int protocol, int id) {
        int slot = slot(srcHi, srcLo, dstHi, dstLo, protocol, id);
        int k = slot * STRIDE;
        if (flows[slot] >= 0 && keys[k] == srcHi && keys[k + 1] == srcLo && keys[k + 2] == dstHi && keys[k + 3] == dstLo
                && keys[k + 4] == tail(protocol, id)) {
            return flows[slot];
        }
        return -1;
    }

    private static long tail(int protocol, int id) {
        return ((long) protocol << 32) | (id & 0xffff_ffffL);
    }

    private static int slot(long srcHi, long srcLo, long dstHi, long dstLo, int protocol, int id) {
        long h = srcHi * 0x9e3779b97f4a7c15L + srcLo;
        h = h * 0x9e3779b97f4a7c15L + dstHi;
        h = h * 0x9e3779b97f4a7c15L + dstLo;
        h = h * 0x9e3779b97f4a7c15L + tail(protocol, id);
        h ^= h >>> 31;
        return (int) (h & (SIZE - 1));
    }
}
