package io.egress.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Structured byte mutations: bit flips, interesting byte values, insertions, deletions, truncation
 * at every class of position, 16/32-bit length fields set to 0, -1, 0x7fffffff and huge values in
 * either byte order, word swaps (block types), and splices from other seeds. Subclasses add
 * format-aware mutations.
 */
public class Mutator {
    private static final int[] INTERESTING_32 = { 0, 1, -1, 0x7fffffff, 0x80000000, 0x40000000, 0x10000, 0xffff,
            0x8000, 0x7fff, 0x1000000, 64 << 20, (64 << 20) + 4, 12, 8, 4, 16, 28, 32 };
    private static final int[] INTERESTING_16 = { 0, 1, 0xffff, 0x7fff, 0x8000, 0xfffe, 0x100, 0xff, 0x3fff, 0xc000 };
    private static final int[] INTERESTING_8 = { 0, 1, 0x7f, 0x80, 0xff, 0x3f, 0x40, 0xc0, 0xfe };

    protected final Random random;
    private final List<byte[]> seeds;

    public Mutator(Random random, List<byte[]> seeds) {
        this.random = random;
        this.seeds = seeds;
    }

    /** One mutant of {@code input}: 1 to 4 stacked mutations. */
    public byte[] mutate(byte[] input) {
        byte[] out = input;
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            out = once(out);
        }
        return out;
    }

    protected byte[] once(byte[] in) {
        if (in.length == 0) {
            return insert(in);
        }
        return switch (random.nextInt(11)) {
            case 0 -> flipBits(in);
            case 1 -> setByte(in);
            case 2 -> insert(in);
            case 3 -> delete(in);
            case 4 -> truncate(in);
            case 5 -> setField16(in);
            case 6, 7 -> setField32(in);
            case 8 -> swapWords(in);
            case 9 -> splice(in);
            default -> duplicate(in);
        };
    }

    protected int position(byte[] in) {
        // Headers hold most length fields: favour the first bytes and 4-byte alignment.
        int p = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(Math.min(in.length, 64));
            case 1 -> random.nextInt(in.length) & ~3;
            default -> random.nextInt(in.length);
        };
        return Math.min(p, in.length - 1);
    }

    private byte[] flipBits(byte[] in) {
        byte[] out = in.clone();
        int n = 1 + random.nextInt(random.nextBoolean() ? 1 : 8);
        for (int i = 0; i < n; i++) {
            int p = position(out);
            out[p] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private byte[] setByte(byte[] in) {
        byte[] out = in.clone();
        out[position(out)] = (byte) INTERESTING_8[random.nextInt(INTERESTING_8.length)];
        return out;
    }

    private byte[] insert(byte[] in) {
        int p = in.length == 0 ? 0 : random.nextInt(in.length + 1);
        int n = 1 + random.nextInt(random.nextBoolean() ? 4 : 32);
        byte[] out = new byte[in.length + n];
        System.arraycopy(in, 0, out, 0, p);
        byte fill = (byte) random.nextInt(256);
        boolean constant = random.nextBoolean();
        for (int i = 0; i < n; i++) {
            out[p + i] = constant ? fill : (byte) random.nextInt(256);
        }
        System.arraycopy(in, p, out, p + n, in.length - p);
        return out;
    }

    private byte[] delete(byte[] in) {
        int p = random.nextInt(in.length);
        int n = Math.min(in.length - p, 1 + random.nextInt(random.nextBoolean() ? 4 : 64));
        return cut(in, p, n);
    }

    static byte[] cut(byte[] in, int p, int n) {
        byte[] out = new byte[in.length - n];
        System.arraycopy(in, 0, out, 0, p);
        System.arraycopy(in, p + n, out, p, in.length - p - n);
        return out;
    }

    private byte[] truncate(byte[] in) {
        int at = switch (random.nextInt(5)) {
            case 0 -> random.nextInt(Math.min(in.length, 40)); // inside a file or block header
            case 1 -> Math.max(0, in.length - 1 - random.nextInt(Math.min(in.length, 16))); // just before the end
            case 2 -> random.nextInt(in.length) & ~3; // on a word boundary
            default -> random.nextInt(in.length);
        };
        return Arrays.copyOf(in, at);
    }

    protected byte[] setField16(byte[] in) {
        if (in.length < 2) {
            return in;
        }
        byte[] out = in.clone();
        int p = Math.min(position(out) & ~1, out.length - 2);
        int v = random.nextInt(3) == 0 ? random.nextInt(0x10000) : INTERESTING_16[random.nextInt(INTERESTING_16.length)];
        put16(out, p, v, random.nextBoolean());
        return out;
    }

    protected byte[] setField32(byte[] in) {
        if (in.length < 4) {
            return setField16(in);
        }
        byte[] out = in.clone();
        int p = Math.min(position(out) & ~(random.nextBoolean() ? 3 : 0), out.length - 4);
        put32(out, p, interesting32(), random.nextBoolean());
        return out;
    }

    protected int interesting32() {
        return random.nextInt(4) == 0 ? random.nextInt() : INTERESTING_32[random.nextInt(INTERESTING_32.length)];
    }

    protected static void put16(byte[] out, int p, int v, boolean bigEndian) {
        out[p] = (byte) (bigEndian ? v >>> 8 : v);
        out[p + 1] = (byte) (bigEndian ? v : v >>> 8);
    }

    protected static void put32(byte[] out, int p, int v, boolean bigEndian) {
        for (int i = 0; i < 4; i++) {
            int shift = bigEndian ? 24 - 8 * i : 8 * i;
            out[p + i] = (byte) (v >>> shift);
        }
    }

    private byte[] swapWords(byte[] in) {
        if (in.length < 8) {
            return flipBits(in);
        }
        byte[] out = in.clone();
        int a = random.nextInt(out.length / 4) * 4;
        int b = random.nextInt(out.length / 4) * 4;
        for (int i = 0; i < 4; i++) {
            byte t = out[a + i];
            out[a + i] = out[b + i];
            out[b + i] = t;
        }
        return out;
    }

    private byte[] splice(byte[] in) {
        byte[] other = seeds.get(random.nextInt(seeds.size()));
        if (other.length == 0) {
            return in;
        }
        int from = random.nextInt(other.length);
        int n = Math.min(other.length - from, 1 + random.nextInt(256));
        int p = random.nextInt(in.length + 1);
        boolean overwrite = random.nextBoolean();
        int tail = overwrite ? Math.max(0, in.length - p - n) : in.length - p;
        byte[] out = new byte[p + n + tail];
        System.arraycopy(in, 0, out, 0, p);
        System.arraycopy(other, from, out, p, n);
        System.arraycopy(in, in.length - tail, out, p + n, tail);
        return out;
    }

    private byte[] duplicate(byte[] in) {
        int from = random.nextInt(in.length);
        int n = Math.min(in.length - from, 1 + random.nextInt(128));
        int p = random.nextInt(in.length + 1);
        byte[] out = new byte[in.length + n];
        System.arraycopy(in, 0, out, 0, p);
        System.arraycopy(in, from, out, p, n);
        System.arraycopy(in, p, out, p + n, in.length - p);
        return out;
    }
}
