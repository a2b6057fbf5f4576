package io.egress.fuzz;

import java.lang.management.ManagementFactory;

/** Runs one input on the calling thread and classifies what happened. */
public final class Execution {
    /** An input allocating more than this is an unbounded-allocation finding. */
    public static final long MEMORY_LIMIT = 64L << 20;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Execution() {
    }

    public static Outcome run(FuzzTarget target, byte[] input) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        Throwable failure = null;
        try {
            target.run(input);
        } catch (Throwable t) {
            failure = t;
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        if (failure != null && !target.isDocumented(failure)) {
            return new Outcome(Outcome.Kind.CRASH, failure, allocated);
        }
        if (allocated > MEMORY_LIMIT) {
            return new Outcome(Outcome.Kind.MEMORY, failure, allocated);
        }
        return new Outcome(failure == null ? Outcome.Kind.PARSED : Outcome.Kind.REFUSED, failure, allocated);
    }
}
