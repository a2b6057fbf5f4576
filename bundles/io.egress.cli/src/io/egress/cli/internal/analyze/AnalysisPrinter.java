package io.egress.cli.internal.analyze;

import io.egress.capture.CaptureAnalysis;

/** Prints analyses in one output format. */
interface AnalysisPrinter {
    /** Before the first file (e.g. a CSV header). */
    void begin();

    void print(CaptureAnalysis analysis);

    /** With {@code --detect}: the file and what the detectors found in it. */
    default void print(CaptureAnalysis analysis, java.util.Optional<io.egress.detect.DetectionReport> report) {
        print(analysis);
    }

    /** After the last file. */
    void end();
}
