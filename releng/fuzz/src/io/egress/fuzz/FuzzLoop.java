package io.egress.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Mutates seeds and runs them against one target until the deadline; runs on its own thread. */
public final class FuzzLoop implements Runnable {
    private static final long NOT_RUNNING = 0;

    private final FuzzTarget target;
    private final List<byte[]> seeds;
    private final long deadlineNanos;
    private final long maxInputs;
    private final Random random;
    private final Findings findings;
    final TargetStats stats = new TargetStats();
    private volatile long inputStartedAt = NOT_RUNNING;
    private volatile byte[] current;
    private volatile long serial;
    private volatile boolean stopped;
    volatile Throwable harnessFailure;
    /** True while the seeds run: class loading, JIT and crypto providers starting are not hangs. */
    volatile boolean warmingUp;

    public FuzzLoop(FuzzTarget target, List<byte[]> seeds, long deadlineNanos, long seed, Findings findings) {
        this(target, seeds, deadlineNanos, Long.MAX_VALUE, seed, findings);
    }

    /** As above, stopping also once {@code maxInputs} inputs (seeds included) have run. */
    public FuzzLoop(FuzzTarget target, List<byte[]> seeds, long deadlineNanos, long maxInputs, long seed, Findings findings) {
        this.target = target;
        this.seeds = seeds;
        this.deadlineNanos = deadlineNanos;
        this.maxInputs = maxInputs;
        this.random = new Random(seed);
        this.findings = findings;
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (RuntimeException | Error e) {
            harnessFailure = e; // a bug of the harness, not a finding: FuzzMain reports it and exits 2
        }
    }

    private void loop() {
        Mutator mutator = target.mutator(random, seeds);
        List<byte[]> pool = new ArrayList<>(seeds);
        warmingUp = true;
        for (byte[] seed : seeds) {
            // The seeds themselves first (damaged shared files are refused, never a crash).
            if (one(seed) == Outcome.Kind.PARSED) {
                stats.seedsParsed++;
            }
        }
        warmingUp = false;
        while (!stopped && stats.inputs < maxInputs && System.nanoTime() < deadlineNanos) {
            byte[] parent = pool.get(random.nextInt(pool.size()));
            byte[] input = mutator.mutate(parent);
            Outcome.Kind outcome = one(input);
            // Keep a few mutants to mutate further (deeper damage than 4 stacked mutations); mostly
            // ones the parser accepted, so that the pool does not fill with inputs refused at byte 0.
            if (random.nextInt(64) == 0 && (outcome == Outcome.Kind.PARSED || random.nextInt(8) == 0)) {
                if (pool.size() < seeds.size() + 256) {
                    pool.add(input);
                } else {
                    pool.set(seeds.size() + random.nextInt(256), input);
                }
            }
        }
    }

    private Outcome.Kind one(byte[] input) {
        current = input;
        serial++;
        long start = System.nanoTime();
        inputStartedAt = start;
        Outcome outcome = Execution.run(target, input);
        long took = System.nanoTime() - start;
        inputStartedAt = NOT_RUNNING;
        stats.inputs++;
        if (took > stats.slowestNanos) {
            stats.slowestNanos = took;
        }
        if (outcome.allocatedBytes() > stats.worstAllocation) {
            stats.worstAllocation = outcome.allocatedBytes();
            stats.worstAllocationLength = input.length;
        }
        switch (outcome.kind()) {
            case REFUSED -> stats.refused++;
            case CRASH -> crash(input, outcome, "crash");
            case MEMORY -> crash(input, outcome, "memory");
            default -> { }
        }
        return outcome.kind();
    }

    private void crash(byte[] input, Outcome outcome, String kind) {
        if (kind.equals("crash")) {
            stats.crashes++;
        } else {
            stats.memoryFindings++;
        }
        String signature = outcome.signature();
        try {
            byte[] minimised = Minimizer.minimise(input, candidate -> sameFailure(candidate, outcome));
            String details = (outcome.failure() == null ? "" : Findings.stackTrace(outcome.failure()))
                    + "allocated " + outcome.allocatedBytes() + " bytes\n";
            findings.record(target.name(), kind, signature, input, minimised, details);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot save a finding of " + target.name(), e);
        }
    }

    private boolean sameFailure(byte[] candidate, Outcome original) {
        Outcome o = Execution.run(target, candidate);
        return o.kind() == original.kind() && o.signature().equals(original.signature());
    }

    /** Nanoseconds the current input has been running, 0 when between inputs. */
    long runningFor(long now) {
        long started = inputStartedAt;
        return started == NOT_RUNNING ? 0 : now - started;
    }

    /** Changes with every input. */
    long serial() {
        return serial;
    }

    byte[] currentInput() {
        return current;
    }

    void stop() {
        stopped = true;
    }
}
