package io.egress.fuzz.targets;

import java.util.List;
import java.util.Random;

import io.egress.fuzz.Mutator;

/** pcap-aware mutations: record header fields (caplen, len, time) and the file header's snaplen and link type. */
final class PcapMutator extends Mutator {
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    PcapMutator(Random random, List<byte[]> seeds) {
        super(random, seeds);
    }

    @Override
    protected byte[] once(byte[] in) {
        if (in.length < FILE_HEADER + RECORD_HEADER || random.nextInt(3) != 0) {
            return super.once(in);
        }
        boolean big = (in[0] & 0xff) == 0xa1;
        int[] records = recordOffsets(in, big);
        byte[] out = in.clone();
        if (records.length == 0 || random.nextInt(5) == 0) {
            // snaplen (16) or link type (20)
            put32(out, random.nextBoolean() ? 16 : 20, interesting32(), big);
            return out;
        }
        int r = records[random.nextInt(records.length)];
        int field = random.nextInt(4) * 4; // seconds, fraction, caplen, len
        put32(out, r + field, interesting32(), big);
        return out;
    }

    private static int[] recordOffsets(byte[] in, boolean big) {
        int[] found = new int[64];
        int n = 0;
        int p = FILE_HEADER;
        while (p + RECORD_HEADER <= in.length && n < found.length) {
            found[n++] = p;
            int caplen = get32(in, p + 8, big);
            if (caplen < 0 || caplen > in.length) {
                break;
            }
            p += RECORD_HEADER + caplen;
        }
        return java.util.Arrays.copyOf(found, n);
    }

    static int get32(byte[] b, int p, boolean big) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int shift = big ? 24 - 8 * i : 8 * i;
            v |= (b[p + i] & 0xff) << shift;
        }
        return v;
    }
}
