package io.egress.cli.internal.analyze;

import io.egress.capture.CaptureAnalysis;

/** Prints analyses in one output format. */
interface AnalysisPrinter {
    /** Before the first file (e.g. a CSV header). */
    void begin();

    void print(CaptureAnalysis analysis);

    /** After the last file. */
    void end();
}
