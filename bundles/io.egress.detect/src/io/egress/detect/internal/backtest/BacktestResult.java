package io.egress.detect.internal.backtest;

import java.util.List;

/**
 * A backtest's figures: per detector, per label and the targets of issue 6.
 *
 * @param scores        one row per detector, in catalog order
 * @param outcomes      one row per label: found or missed, and by when
 * @param captures      captures read
 * @param flows         flows in them
 * @param benignFlows   flows not involving a labelled indicator
 * @param problems      captures that could not be read and detector failures, one line each
 * @param targets       the targets with achieved values
 */
public record BacktestResult(List<DetectorScore> scores, List<LabelOutcome> outcomes, int captures, long flows, long benignFlows,
        List<String> problems, List<Target> targets) {

    public BacktestResult {
        scores = List.copyOf(scores);
        outcomes = List.copyOf(outcomes);
        problems = List.copyOf(problems);
        targets = List.copyOf(targets);
    }

    /**
     * What became of one label.
     *
     * @param label          the label
     * @param found          whether a finding of a concerned detector mentioned it
     * @param timeToDetect   seconds until first reported, or -1 when not found
     * @param bestScore      the highest score of the matching findings, or -1
     */
    public record LabelOutcome(Label label, boolean found, double timeToDetect, int bestScore) {
    }

    /**
     * A target and whether it was met.
     *
     * @param description what is measured
     * @param goal        the required value, in words (e.g. "&gt;= 0.90")
     * @param achieved    the measured value
     * @param met         whether the goal was reached
     */
    public record Target(String description, String goal, double achieved, boolean met) {
    }
}
