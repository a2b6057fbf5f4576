package io.egress.fuzz;

/** Counters of one target's run (written by its fuzzing thread, read by the watchdog at the end). */
public final class TargetStats {
    volatile long inputs;
    volatile int seedsParsed;
    volatile long refused;
    volatile int crashes;
    volatile int hangs;
    volatile int memoryFindings;
    volatile long worstAllocation;
    volatile int worstAllocationLength;
    volatile long slowestNanos;
    long seconds;
    long peakHeap;
    String note = "";

    public boolean clean() {
        return crashes == 0 && hangs == 0 && memoryFindings == 0;
    }
}
