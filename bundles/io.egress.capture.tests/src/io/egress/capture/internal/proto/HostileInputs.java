package io.egress.capture.internal.proto;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Test-only structured mutation of real payloads: truncation at every offset, then a few thousand
 * seeded mutants (bit flips, bytes set to 0x00/0xff/random, 16-bit fields set to 0 or 0xffff,
 * bytes inserted or removed, random garbage). A parser passes when every input either parses or
 * throws {@link ProtocolParseException}.
 */
final class HostileInputs {

    /** The parser under test; may throw only {@link ProtocolParseException}. */
    interface Parser {
        void parse(byte[] data, int offset, int length) throws ProtocolParseException;
    }

    private HostileInputs() {
    }

    /** Feeds every prefix of every seed, then {@code mutants} mutants, through the parser; returns the inputs tried. */
    static int assertOnlyParseExceptions(List<byte[]> seeds, int mutants, Parser parser) {
        int tried = 0;
        for (byte[] seed : seeds) {
            for (int cut = 0; cut <= seed.length; cut++) {
                // Offset the region inside a larger array so that a read past the region's end would be visible.
                byte[] padded = new byte[seed.length + 8];
                Arrays.fill(padded, (byte) 0x41);
                System.arraycopy(seed, 0, padded, 4, seed.length);
                run(parser, padded, 4, cut, "prefix " + cut + " of a seed");
                tried++;
            }
        }
        Random random = new Random(20261203L);
        for (int i = 0; i < mutants; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            run(parser, input, 0, input.length, "mutant " + i);
            tried++;
        }
        return tried;
    }

    private static void run(Parser parser, byte[] data, int offset, int length, String what) {
        try {
            parser.parse(data, offset, length);
        } catch (ProtocolParseException expected) {
            // a clear error is a pass
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            byte[] input = Arrays.copyOfRange(data, offset, offset + length);
            throw new AssertionError(what + " threw " + e + " for input " + hex(input), e);
        }
    }

    static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(8)) {
                case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> out[at] = 0;
                case 2 -> out[at] = (byte) 0xff;
                case 3 -> out[at] = (byte) random.nextInt(256);
                case 4 -> {
                    if (at + 1 < out.length) {
                        boolean big = random.nextBoolean();
                        out[at] = (byte) (big ? 0xff : 0);
                        out[at + 1] = (byte) (big ? 0xff : 0);
                    }
                }
                case 5 -> out = Arrays.copyOf(out, at); // truncate
                case 6 -> { // insert a random byte
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
                default -> { // remove a byte
                    byte[] shorter = new byte[out.length - 1];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                    out = shorter;
                }
            }
        }
        if (random.nextInt(50) == 0) {
            random.nextBytes(out); // pure garbage of the same size
        }
        return out;
    }

    static void expectParseException(Parser parser, byte[] data, String field) {
        try {
            parser.parse(data, 0, data.length);
        } catch (ProtocolParseException e) {
            if (!e.field().startsWith(field)) {
                fail("expected a failure in " + field + " but got " + e.getMessage());
            }
            return;
        }
        fail("expected ProtocolParseException in " + field);
    }

    static String hex(byte[] data) {
        StringBuilder s = new StringBuilder();
        for (byte b : data) {
            s.append(String.format("%02x", b & 0xff));
        }
        return s.toString();
    }

    static byte[] unhex(String hex) {
        String clean = hex.replaceAll("\\s", "");
        byte[] out = new byte[clean.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(clean.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
