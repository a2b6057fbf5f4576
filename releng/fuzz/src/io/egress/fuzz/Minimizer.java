package io.egress.fuzz;

import java.util.function.Predicate;

/**
 * Delta debugging by chunks: removes ever smaller chunks while the input still fails the same way
 * (at most 20,000 tries or one minute, for slow targets).
 */
public final class Minimizer {
    private static final int MAX_TRIES = 20_000;
    private static final long MAX_NANOS = 60_000_000_000L;

    private Minimizer() {
    }

    public static byte[] minimise(byte[] input, Predicate<byte[]> stillFails) {
        byte[] best = input;
        int tries = 0;
        long deadline = System.nanoTime() + MAX_NANOS;
        for (int chunk = Math.max(1, best.length / 2); chunk >= 1 && tries < MAX_TRIES; chunk /= 2) {
            boolean removed = true;
            while (removed && tries < MAX_TRIES) {
                removed = false;
                for (int at = 0; at + chunk <= best.length && tries < MAX_TRIES && System.nanoTime() < deadline; at += chunk) {
                    byte[] candidate = Mutator.cut(best, at, chunk);
                    tries++;
                    if (stillFails.test(candidate)) {
                        best = candidate;
                        removed = true;
                        at -= chunk;
                    }
                }
            }
        }
        return best;
    }
}
