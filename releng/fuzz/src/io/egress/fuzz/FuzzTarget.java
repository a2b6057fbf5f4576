package io.egress.fuzz;

import java.util.List;

/** One parser under test: its seeds, how to feed it one input, and which exceptions it documents. */
public interface FuzzTarget {
    String name();

    /** Inputs to mutate; read at fuzz time (shared captures, GeoIP files, generated fixtures). */
    List<byte[]> seeds() throws Exception;

    /** Feeds one input; returns normally or throws. */
    void run(byte[] input) throws Exception;

    /** Whether {@code failure} is the parser's documented way of refusing bad input. */
    boolean isDocumented(Throwable failure);

    /** The mutator for this target's inputs. */
    default Mutator mutator(java.util.Random random, List<byte[]> seeds) {
        return new Mutator(random, seeds);
    }
}
