package io.egress.cli.internal.backtest;

import io.egress.cli.internal.TextTable;
import io.egress.detect.internal.backtest.BacktestResult;
import io.egress.detect.internal.backtest.DetectorScore;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The backtest as aligned text: a row per detector, the missed labels, the targets. */
final class BacktestTable {
    private BacktestTable() {
    }

    static void print(BacktestResult r, PrintStream out) {
        out.println("captures " + r.captures() + ", flows " + r.flows() + ", benign flows " + r.benignFlows() + ", labels "
                + r.outcomes().size());
        out.println();
        TextTable table = new TextTable(List.of("detector", "labels", "found", "recall", "TP", "FP", "precision", "FP/1000 flows",
                "median time to detect", "failed runs"));
        for (DetectorScore s : r.scores()) {
            table.add(List.of(s.detector(), Integer.toString(s.labels()), Integer.toString(s.detected()), ratio(s.recall()),
                    Integer.toString(s.truePositives()), Integer.toString(s.falsePositives()), ratio(s.precision()),
                    String.format(Locale.ROOT, "%.2f", s.falsePositivesPer1000Flows()), seconds(s.medianTimeToDetect()),
                    Integer.toString(s.failures())));
        }
        table.print(out);
        List<BacktestResult.LabelOutcome> missed = r.outcomes().stream().filter(o -> !o.found()).toList();
        if (!missed.isEmpty()) {
            out.println();
            out.println("missed:");
            for (BacktestResult.LabelOutcome o : missed) {
                out.println("  " + o.label().capture() + "  " + o.label().detector() + "  " + o.label().indicator() + "  " + o.label().tags());
            }
        }
        out.println();
        out.println("targets:");
        for (BacktestResult.Target t : r.targets()) {
            out.println(String.format(Locale.ROOT, "  %-55s goal %-8s achieved %.3f  %s", t.description(), t.goal(), t.achieved(),
                    t.met() ? "MET" : "NOT MET"));
        }
        if (!r.problems().isEmpty()) {
            out.println();
            out.println("problems:");
            r.problems().forEach(p -> out.println("  " + p));
        }
    }

    private static String ratio(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.3f", v.getAsDouble()) : "-";
    }

    private static String seconds(OptionalDouble v) {
        if (v.isEmpty()) {
            return "-";
        }
        double s = v.getAsDouble();
        return s >= 120 ? String.format(Locale.ROOT, "%.1f min", s / 60) : String.format(Locale.ROOT, "%.0f s", s);
    }
}
