package io.egress.fuzz.targets;

import java.util.List;
import java.util.Random;

import io.egress.fuzz.Mutator;

/** Favours the metadata section (after the "\xab\xcd\xefMaxMind.com" marker) and the data section's first bytes. */
final class MmdbMutator extends Mutator {
    private static final byte[] MARKER = { (byte) 0xab, (byte) 0xcd, (byte) 0xef, 'M', 'a', 'x', 'M', 'i', 'n', 'd' };

    MmdbMutator(Random random, List<byte[]> seeds) {
        super(random, seeds);
    }

    @Override
    protected int position(byte[] in) {
        int marker = lastMarker(in);
        if (marker >= 0 && random.nextBoolean()) {
            return Math.min(in.length - 1, marker + random.nextInt(Math.max(1, in.length - marker)));
        }
        return super.position(in);
    }

    private static int lastMarker(byte[] in) {
        outer:
        for (int i = in.length - MARKER.length; i >= Math.max(0, in.length - 128 * 1024); i--) {
            for (int j = 0; j < MARKER.length; j++) {
                if (in[i + j] != MARKER[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
