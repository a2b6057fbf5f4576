package io.egress.detect.internal.backtest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One known malicious activity in a labelled capture. Labels files are tab-separated:
 * {@code capture detector indicator start [tags]}, {@code #} comments, where {@code capture} is
 * the file name (without folders), {@code detector} a detector id or {@code *} for "any",
 * {@code indicator} the remote address or name a finding must mention (several separated by
 * commas: any of them), {@code start} when the
 * activity began (epoch seconds, decimals allowed) and {@code tags} {@code key=value} pairs
 * separated by {@code ;} (e.g. {@code interval=300;jitter=0.2}).
 */
public record Label(String capture, String detector, String indicator, long startNanos, Map<String, String> tags) {
    public static final String ANY_DETECTOR = "*";

    public Label {
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(indicator, "indicator");
        tags = Map.copyOf(tags);
    }

    /** Whether the finding's evidence mentions one of this label's indicators. */
    public boolean matches(io.egress.detect.Evidence evidence) {
        return java.util.Arrays.stream(indicator.split(",")).map(String::trim).anyMatch(evidence::mentions);
    }

    /** The label's indicators. */
    public List<String> indicators() {
        return java.util.Arrays.stream(indicator.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean concerns(String detectorId) {
        return detector.equals(ANY_DETECTOR) || detector.equals(detectorId);
    }

    /** A numeric tag, or the fallback when absent. */
    public double tag(String name, double fallback) {
        String v = tags.get(name);
        return v == null ? fallback : Double.parseDouble(v);
    }

    /** Reads a labels file; a malformed line is an error naming the file and line. */
    public static List<Label> read(Path file) throws IOException {
        List<Label> labels = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length < 4) {
                throw new IOException(file + ":" + (i + 1) + ": expected capture, detector, indicator and start separated by tabs");
            }
            long start;
            try {
                start = new BigDecimal(cells[3].trim()).movePointRight(9).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IOException(file + ":" + (i + 1) + ": start must be epoch seconds, not '" + cells[3] + "'", e);
            }
            Map<String, String> tags = new LinkedHashMap<>();
            if (cells.length > 4) {
                for (String kv : cells[4].split(";")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        tags.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                    }
                }
            }
            labels.add(new Label(cells[0].trim(), cells[1].trim(), cells[2].trim(), start, tags));
        }
        return labels;
    }
}
