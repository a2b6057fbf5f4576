package io.egress.fuzz.targets;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.egress.fuzz.Mutator;

/**
 * pcapng-aware mutations: walks the block chain and swaps block types, sets a block's total length
 * (leading, trailing or both) to 0, -1, 0x7fffffff or huge, swaps or repeats whole blocks, and
 * damages option lengths inside a block.
 */
final class PcapngMutator extends Mutator {
    private static final int[] BLOCK_TYPES = { 0x0A0D0D0A, 1, 2, 3, 4, 5, 6, 0xBAD, 0x40000BAD, 0x80000001, 0 };

    PcapngMutator(Random random, List<byte[]> seeds) {
        super(random, seeds);
    }

    @Override
    protected byte[] once(byte[] in) {
        int[] blocks = blockOffsets(in);
        if (blocks.length < 2 || random.nextInt(3) != 0) {
            return super.once(in);
        }
        boolean big = in[8] == 0x1a; // byte-order magic 0x1a2b3c4d read from the first section
        int i = random.nextInt(blocks.length - 1);
        int at = blocks[i];
        int end = blocks[i + 1];
        byte[] out = in.clone();
        switch (random.nextInt(6)) {
            case 0 -> put32(out, at, BLOCK_TYPES[random.nextInt(BLOCK_TYPES.length)], big);
            case 1 -> put32(out, at + 4, interesting32(), big);
            case 2 -> put32(out, end - 4, interesting32(), big);
            case 3 -> {
                int v = interesting32();
                put32(out, at + 4, v, big);
                put32(out, end - 4, v, big);
            }
            case 4 -> {
                // an option length inside the block body
                if (end - at > 16) {
                    int p = at + 8 + (random.nextInt((end - at - 12) / 2) * 2);
                    put16(out, Math.min(p, end - 6), random.nextBoolean() ? 0xffff : random.nextInt(0x10000), big);
                }
            }
            default -> out = moveBlock(in, blocks, i);
        }
        return out;
    }

    private byte[] moveBlock(byte[] in, int[] blocks, int i) {
        int j = random.nextInt(blocks.length - 1);
        byte[] block = Arrays.copyOfRange(in, blocks[i], blocks[i + 1]);
        int insertAt = blocks[j];
        byte[] out = new byte[in.length + block.length];
        System.arraycopy(in, 0, out, 0, insertAt);
        System.arraycopy(block, 0, out, insertAt, block.length);
        System.arraycopy(in, insertAt, out, insertAt + block.length, in.length - insertAt);
        return out;
    }

    /** Start offsets of the blocks, and the end of the last complete one. */
    static int[] blockOffsets(byte[] in) {
        if (in.length < 12) {
            return new int[0];
        }
        boolean big = in[8] == 0x1a;
        int[] found = new int[128];
        int n = 0;
        int p = 0;
        while (p + 12 <= in.length && n < found.length - 1) {
            found[n++] = p;
            int length = PcapMutator.get32(in, p + 4, big);
            if (length < 12 || length > in.length - p) {
                return Arrays.copyOf(found, n); // the damaged block's start ends the previous one
            }
            p += length;
        }
        found[n++] = p;
        return Arrays.copyOf(found, n);
    }
}
