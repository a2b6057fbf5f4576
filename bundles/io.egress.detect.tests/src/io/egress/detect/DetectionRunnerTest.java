package io.egress.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class DetectionRunnerTest {
    private static final DetectionInput EMPTY = DetectionInput.of(List.of());

    private static DetectorDescriptor descriptor(String id, int priority, Duration budget, Detector detector) {
        return new DetectorDescriptor(id, id, "", "test", Severity.LOW, priority, budget, Parameters.NONE, () -> detector);
    }

    private static Finding finding(String detector, int score) {
        return new Finding(detector, Severity.LOW, score, "t", "e", Optional.empty(), List.of(),
                new Evidence(List.of(), List.of(), Optional.empty(), "", List.of("192.0.2.1"), List.of()));
    }

    @Test
    void aThrowingAndANeverReturningDetectorDoNotStopTheOthers() {
        Detector throwing = (input, context) -> {
            throw new IllegalStateException("broken on purpose");
        };
        Detector neverReturns = (input, context) -> {
            while (true) {
                LockSupport.park(); // ignores interrupts and never ends, without burning CPU
            }
        };
        Detector good = (input, context) -> List.of(finding(context.detectorId(), 42));
        DetectorCatalog catalog = DetectorCatalog.of(List.of(
                descriptor("throws", 3, Duration.ofSeconds(5), throwing),
                descriptor("hangs", 2, Duration.ofMillis(300), neverReturns),
                descriptor("good", 1, Duration.ofSeconds(5), good)));

        long start = System.nanoTime();
        DetectionReport report = new DetectionRunner().run(catalog, EMPTY);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(1, report.findings().size());
        assertEquals("good", report.findings().get(0).detector());
        assertEquals(42, report.findings().get(0).score());
        Map<String, DetectorFailure.Kind> kinds = Map.of(report.failures().get(0).detector(), report.failures().get(0).kind(),
                report.failures().get(1).detector(), report.failures().get(1).kind());
        assertEquals(Map.of("throws", DetectorFailure.Kind.THREW, "hangs", DetectorFailure.Kind.TIMED_OUT), kinds);
        assertTrue(report.failures().stream().anyMatch(f -> f.message().contains("broken on purpose")), report.failures().toString());
        assertTrue(millis < 4000, "the hanging detector held the run for " + millis + " ms");
    }

    @Test
    void aDetectorThatCannotBeCreatedIsReportedAndTheOthersRun() {
        DetectorDescriptor unloadable = new DetectorDescriptor("unloadable", "u", "", "test", Severity.LOW, 5, Duration.ofSeconds(5),
                Parameters.NONE, () -> {
                    throw new IllegalStateException("class not found");
                });
        DetectionReport report = new DetectionRunner().run(DetectorCatalog.of(List.of(unloadable,
                descriptor("good", 1, Duration.ofSeconds(5), (input, context) -> List.of(finding("good", 7))))), EMPTY);
        assertEquals(List.of("good"), report.findings().stream().map(Finding::detector).toList());
        assertEquals(DetectorFailure.Kind.THREW, report.failures().get(0).kind());
        assertTrue(report.failures().get(0).message().contains("class not found"));
    }

    @Test
    void findingsAreOrderedBySeverityThenScore() {
        Detector two = (input, context) -> List.of(finding("a", 10), finding("a", 90));
        DetectionReport report = new DetectionRunner().run(DetectorCatalog.of(List.of(descriptor("a", 0, Duration.ofSeconds(5), two))), EMPTY);
        assertEquals(List.of(90, 10), report.findings().stream().map(Finding::score).toList());
    }

    @Test
    void catalogOrdersByDescendingPriority() {
        Detector none = (input, context) -> List.of();
        DetectorCatalog catalog = DetectorCatalog.of(List.of(descriptor("low", 1, Duration.ofSeconds(1), none),
                descriptor("high", 9, Duration.ofSeconds(1), none), descriptor("mid", 5, Duration.ofSeconds(1), none)));
        assertEquals(List.of("high", "mid", "low"), catalog.detectors().stream().map(DetectorDescriptor::id).toList());
    }
}
