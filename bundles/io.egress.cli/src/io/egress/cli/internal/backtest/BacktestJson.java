package io.egress.cli.internal.backtest;

import io.egress.core.json.JsonWriter;
import io.egress.detect.internal.backtest.BacktestResult;
import io.egress.detect.internal.backtest.DetectorScore;
import java.io.PrintStream;
import java.util.OptionalDouble;

/** The backtest as one JSON object: totals, detectors, labels, targets, problems. */
final class BacktestJson {
    private BacktestJson() {
    }

    static void write(BacktestResult r, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        JsonWriter json = new JsonWriter(sb, true);
        json.beginObject().field("captures", r.captures()).field("flows", r.flows()).field("benignFlows", r.benignFlows());
        json.name("detectors").beginArray();
        for (DetectorScore s : r.scores()) {
            json.beginObject().field("detector", s.detector()).field("name", s.name()).field("labels", s.labels())
                    .field("found", s.detected());
            optional(json, "recall", s.recall());
            json.field("truePositives", s.truePositives()).field("falsePositives", s.falsePositives());
            optional(json, "precision", s.precision());
            json.field("falsePositivesPer1000Flows", s.falsePositivesPer1000Flows());
            optional(json, "medianTimeToDetectSeconds", s.medianTimeToDetect());
            json.field("failedRuns", s.failures()).endObject();
        }
        json.endArray();
        json.name("labels").beginArray();
        for (BacktestResult.LabelOutcome o : r.outcomes()) {
            json.beginObject().field("capture", o.label().capture()).field("detector", o.label().detector())
                    .field("indicator", o.label().indicator()).field("found", o.found());
            json.name("timeToDetectSeconds");
            if (o.timeToDetect() >= 0) {
                json.value(o.timeToDetect());
            } else {
                json.nullValue();
            }
            json.name("bestScore");
            if (o.bestScore() >= 0) {
                json.value(o.bestScore());
            } else {
                json.nullValue();
            }
            json.name("tags").beginObject();
            o.label().tags().forEach(json::field);
            json.endObject().endObject();
        }
        json.endArray();
        json.name("targets").beginArray();
        for (BacktestResult.Target t : r.targets()) {
            json.beginObject().field("description", t.description()).field("goal", t.goal()).field("achieved", t.achieved())
                    .field("met", t.met()).endObject();
        }
        json.endArray();
        json.name("problems").beginArray();
        r.problems().forEach(json::value);
        json.endArray();
        json.endObject();
        out.print(sb);
    }

    private static void optional(JsonWriter json, String name, OptionalDouble v) {
        json.name(name);
        if (v.isPresent()) {
            json.value(v.getAsDouble());
        } else {
            json.nullValue();
        }
    }
}
