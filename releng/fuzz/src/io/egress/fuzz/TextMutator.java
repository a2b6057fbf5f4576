package io.egress.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Byte mutations plus text ones: tokens of the format inserted or replacing a run, long runs, deep nesting. */
public class TextMutator extends Mutator {
    private final String[] tokens;

    public TextMutator(Random random, List<byte[]> seeds, String... tokens) {
        super(random, seeds);
        this.tokens = tokens;
    }

    @Override
    protected byte[] once(byte[] in) {
        if (random.nextBoolean()) {
            return super.once(in);
        }
        String text = new String(in, StandardCharsets.ISO_8859_1);
        int p = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        String token = tokens[random.nextInt(tokens.length)];
        String edited = switch (random.nextInt(4)) {
            case 0 -> text.substring(0, p) + token + text.substring(p);
            case 1 -> text.substring(0, p) + token.repeat(1 + random.nextInt(random.nextBoolean() ? 8 : 2000)) + text.substring(p);
            case 2 -> {
                int end = Math.min(text.length(), p + 1 + random.nextInt(12));
                yield text.substring(0, p) + token + text.substring(end);
            }
            default -> text.substring(0, p) + (random.nextBoolean() ? "0" : "f").repeat(1 + random.nextInt(64)) + text.substring(p);
        };
        return edited.getBytes(StandardCharsets.ISO_8859_1);
    }
}
