package io.egress.detect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs detectors in isolation from each other: each runs on its own daemon thread with its own time
 * budget. A detector that throws, cannot be created, or overruns its budget becomes a
 * {@link DetectorFailure}; the others still run and report. An overrunning detector is interrupted
 * and abandoned; if it ignores the interrupt its daemon thread lingers but blocks nothing.
 * Stateless and thread-safe.
 */
public final class DetectionRunner {
    private static final System.Logger LOG = System.getLogger(DetectionRunner.class.getName());

    /** Runs every detector of the catalog over the input; load failures of the catalog are reported too. */
    public DetectionReport run(DetectorCatalog catalog, DetectionInput input) {
        List<Finding> findings = new ArrayList<>();
        List<DetectorFailure> failures = new ArrayList<>(catalog.loadFailures());
        Map<String, Duration> durations = new LinkedHashMap<>();
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("egress-detector-", 0).factory());
        try {
            List<Running> running = new ArrayList<>();
            for (DetectorDescriptor d : catalog.detectors()) {
                long start = System.nanoTime();
                long deadline = start + d.timeBudget().toNanos();
                DetectorContext context = new DetectorContext(d.id(), d.defaultSeverity(), d.parameters(),
                        () -> Thread.currentThread().isInterrupted() || System.nanoTime() - deadline > 0);
                running.add(new Running(d, start, deadline, executor.submit(() -> {
                    List<Finding> found = d.factory().get().detect(input, context);
                    return new Outcome(found, Duration.ofNanos(System.nanoTime() - start));
                })));
            }
            for (Running r : running) {
                collect(r, findings, failures, durations);
            }
        } finally {
            executor.shutdownNow();
        }
        for (DetectorFailure f : failures) {
            LOG.log(System.Logger.Level.WARNING, f.toString());
        }
        return new DetectionReport(findings, failures, durations);
    }

    private static void collect(Running r, List<Finding> findings, List<DetectorFailure> failures, Map<String, Duration> durations) {
        String id = r.descriptor.id();
        try {
            Outcome outcome = r.future.get(Math.max(0, r.deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            durations.put(id, outcome.duration);
            List<Finding> found = outcome.findings;
            if (found == null) {
                failures.add(new DetectorFailure(id, DetectorFailure.Kind.THREW, "returned null instead of a list of findings"));
            } else {
                findings.addAll(found);
            }
        } catch (TimeoutException e) {
            r.future.cancel(true);
            failures.add(new DetectorFailure(id, DetectorFailure.Kind.TIMED_OUT,
                    "still running after its time budget of " + r.descriptor.timeBudget().toMillis() + " ms; abandoned"));
        } catch (ExecutionException e) {
            failures.add(new DetectorFailure(id, DetectorFailure.Kind.THREW, describe(e.getCause())));
        } catch (CancellationException e) {
            failures.add(new DetectorFailure(id, DetectorFailure.Kind.TIMED_OUT, "cancelled: " + e.getMessage()));
        } catch (InterruptedException e) {
            // The caller wants to stop: abandon this detector and keep the interrupt for the caller.
            Thread.currentThread().interrupt();
            r.future.cancel(true);
            failures.add(new DetectorFailure(id, DetectorFailure.Kind.TIMED_OUT, "interrupted before it finished"));
        }
        durations.putIfAbsent(id, Duration.ofNanos(Math.min(System.nanoTime(), r.deadline) - r.start));
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        StackTraceElement[] trace = t.getStackTrace();
        String where = trace.length == 0 ? "" : " at " + trace[0];
        return t.getClass().getName() + (message == null ? "" : ": " + message) + where;
    }

    private record Running(DetectorDescriptor descriptor, long start, long deadline, Future<Outcome> future) {
    }

    private record Outcome(List<Finding> findings, Duration duration) {
    }
}
