package io.egress.detect.internal.backtest;

import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowName;
import io.egress.core.net.IpAddresses;
import io.egress.core.progress.Progress;
import io.egress.detect.DetectionInput;
import io.egress.detect.DetectionReport;
import io.egress.detect.DetectionRunner;
import io.egress.detect.DetectorCatalog;
import io.egress.detect.DetectorDescriptor;
import io.egress.detect.DetectorFailure;
import io.egress.detect.Finding;
import io.egress.detect.capture.CaptureInputs;
import io.egress.detect.internal.detectors.BeaconingDetector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.function.Predicate;

/**
 * Runs a catalog of detectors over labelled captures and measures, per detector, precision,
 * recall, false positives per 1,000 benign flows and time to detect. A finding is a true positive
 * when it comes from a detector the label concerns and mentions the label's indicator (address or
 * name) in its evidence; any other finding is a false positive. Time to detect replays each
 * capture as known at {@code checkpoints} evenly spaced moments after the labelled start
 * ({@link DetectionInput#knownAt(long)}) and takes the first at which the label is found.
 */
public final class Backtest {
    /** Beacon recall must reach this for labels with jitter up to 20 %. */
    public static final double RECALL_TARGET = 0.9;
    /** At most this many false positives per 1,000 benign flows. */
    public static final double FALSE_POSITIVE_TARGET = 1.0;

    private final DetectionRunner runner = new DetectionRunner();
    private final int checkpoints;

    public Backtest(int checkpoints) {
        this.checkpoints = checkpoints;
    }

    public BacktestResult run(DetectorCatalog catalog, List<Label> labels, List<Path> captures) {
        return run(catalog, catalog.detectors().stream().map(DetectorDescriptor::id).toList(), labels, captures);
    }

    /**
     * As {@link #run(DetectorCatalog, List, List)} when {@code catalog} is a subset of the installed
     * detectors ({@code installedIds}): labels of the others are not problems, only not run.
     */
    public BacktestResult run(DetectorCatalog catalog, List<String> installedIds, List<Label> labelsAsRead, List<Path> captures) {
        Map<String, Tally> tallies = new HashMap<>();
        catalog.detectors().forEach(d -> tallies.put(d.id(), new Tally()));
        List<BacktestResult.LabelOutcome> outcomes = new ArrayList<>();
        List<String> problems = new ArrayList<>(catalog.loadFailures().stream().map(DetectorFailure::toString).toList());
        List<Label> labels = resolveDetectorIds(installedIds, labelsAsRead, problems);
        long flows = 0;
        long benign = 0;
        int read = 0;
        for (Path capture : captures) {
            String file = capture.getFileName().toString();
            List<Label> mine = labels.stream().filter(l -> l.capture().equals(file)).toList();
            DetectionInput input;
            try {
                input = CaptureInputs.read(capture, Progress.NONE);
            } catch (IOException e) {
                problems.add(file + ": not read: " + e.getMessage());
                continue;
            }
            read++;
            flows += input.flows().size();
            long benignHere = input.flows().stream().filter(f -> mine.stream().noneMatch(l -> l.indicators().stream().anyMatch(i -> involves(f, i)))).count();
            benign += benignHere;
            DetectionReport report = runner.run(catalog, input);
            report.failures().forEach(f -> {
                problems.add(file + ": " + f);
                Tally t = tallies.get(f.detector());
                if (t != null) {
                    t.failures++;
                }
            });
            for (Finding f : report.findings()) {
                Tally t = tallies.get(f.detector());
                if (t == null) {
                    continue;
                }
                boolean matches = mine.stream().anyMatch(l -> l.concerns(f.detector()) && l.matches(f.evidence()));
                if (matches) {
                    t.truePositives++;
                } else {
                    t.falsePositives++;
                }
            }
            for (Label l : mine) {
                outcomes.add(outcome(catalog, l, report, input, tallies));
            }
        }
        for (Label l : labels) {
            if (captures.stream().noneMatch(c -> c.getFileName().toString().equals(l.capture()))) {
                problems.add("label for " + l.capture() + " (" + l.indicator() + ") has no capture among the arguments; not counted");
            }
        }
        List<DetectorScore> scores = new ArrayList<>();
        for (DetectorDescriptor d : catalog.detectors()) {
            Tally t = tallies.get(d.id());
            scores.add(new DetectorScore(d.id(), d.name(), t.labels, t.detected, t.truePositives, t.falsePositives, benign, t.times,
                    t.failures));
        }
        return new BacktestResult(scores, outcomes, read, flows, benign, problems, targets(scores, outcomes, benign));
    }

    private BacktestResult.LabelOutcome outcome(DetectorCatalog catalog, Label l, DetectionReport report, DetectionInput input,
            Map<String, Tally> tallies) {
        int best = -1;
        double earliest = -1;
        for (DetectorDescriptor d : catalog.detectors()) {
            if (!l.concerns(d.id())) {
                continue;
            }
            Tally t = tallies.get(d.id());
            t.labels++;
            int score = report.findingsOf(d.id()).stream().filter(f -> l.matches(f.evidence())).mapToInt(Finding::score).max()
                    .orElse(-1);
            if (score >= 0) {
                t.detected++;
                best = Math.max(best, score);
                double ttd = timeToDetect(d, l, input);
                if (ttd >= 0) {
                    t.times.add(ttd);
                    earliest = earliest < 0 ? ttd : Math.min(earliest, ttd);
                }
            }
        }
        return new BacktestResult.LabelOutcome(l, best >= 0, earliest, best);
    }

    /** Seconds from the label's start until the detector alone first reports it, or -1. */
    private double timeToDetect(DetectorDescriptor d, Label l, DetectionInput input) {
        long start = Math.max(l.startNanos(), input.captureTime().firstNanos());
        long end = input.captureTime().lastNanos();
        DetectorCatalog alone = DetectorCatalog.of(List.of(d));
        for (int k = 1; k <= checkpoints; k++) {
            long cut = start + (end - start) * k / checkpoints;
            DetectionReport r = runner.run(alone, input.knownAt(cut));
            if (r.findingsOf(d.id()).stream().anyMatch(f -> l.matches(f.evidence()))) {
                return (cut - l.startNanos()) / 1e9;
            }
        }
        return -1;
    }

    private static List<BacktestResult.Target> targets(List<DetectorScore> scores, List<BacktestResult.LabelOutcome> outcomes, long benign) {
        Predicate<BacktestResult.LabelOutcome> beaconUpTo20 = o -> o.label().concerns(BeaconingDetector.ID)
                && !o.label().detector().equals(Label.ANY_DETECTOR) && o.label().tag("jitter", 0) <= 0.2 + 1e-9;
        List<BacktestResult.LabelOutcome> beacons = outcomes.stream().filter(beaconUpTo20).toList();
        double recall = beacons.isEmpty() ? 0 : (double) beacons.stream().filter(BacktestResult.LabelOutcome::found).count() / beacons.size();
        double beaconFp = scores.stream().filter(s -> s.detector().equals(BeaconingDetector.ID)).mapToDouble(DetectorScore::falsePositivesPer1000Flows)
                .findFirst().orElse(0);
        long allFp = scores.stream().mapToLong(DetectorScore::falsePositives).sum();
        double allFpRate = benign == 0 ? 0 : allFp * 1000.0 / benign;
        return List.of(
                new BacktestResult.Target("beacon recall, jitter <= 20 % (" + beacons.size() + " labels)", ">= 0.90", recall,
                        recall >= RECALL_TARGET),
                new BacktestResult.Target("beaconing false positives per 1,000 benign flows", "<= 1.0", beaconFp,
                        beaconFp <= FALSE_POSITIVE_TARGET),
                new BacktestResult.Target("all detectors' false positives per 1,000 benign flows", "<= 1.0", allFpRate,
                        allFpRate <= FALSE_POSITIVE_TARGET));
    }

    private static boolean involves(Flow f, String indicator) {
        return IpAddresses.format(f.responder()).equals(indicator) || IpAddresses.format(f.initiator()).equals(indicator)
                || f.names().stream().map(FlowName::name).anyMatch(indicator::equalsIgnoreCase);
    }

    /** Counts of one detector. */
    private static final class Tally {
        int labels;
        int detected;
        int truePositives;
        int falsePositives;
        int failures;
        final List<Double> times = new ArrayList<>();
    }


    /**
     * Labels name detectors by id; a short id ({@code beaconing} for {@code io.egress.detect.beaconing})
     * is taken when exactly one installed detector's id ends with it. A label naming no installed
     * detector is never counted, and says so in the problems instead of silently lowering recall.
     */
    static List<Label> resolveDetectorIds(List<String> ids, List<Label> labels, List<String> problems) {
        List<Label> out = new ArrayList<>();
        for (Label l : labels) {
            if (l.detector().equals(Label.ANY_DETECTOR) || ids.contains(l.detector())) {
                out.add(l);
                continue;
            }
            List<String> candidates = ids.stream().filter(id -> id.endsWith("." + l.detector())).toList();
            if (candidates.size() == 1) {
                out.add(new Label(l.capture(), candidates.get(0), l.indicator(), l.startNanos(), l.tags()));
            } else {
                problems.add("label for " + l.capture() + " (" + l.indicator() + ") names detector '" + l.detector() + "', which "
                        + (candidates.isEmpty() ? "is not installed" : "is ambiguous: " + String.join(", ", candidates))
                        + "; not counted");
            }
        }
        return out;
    }
}
