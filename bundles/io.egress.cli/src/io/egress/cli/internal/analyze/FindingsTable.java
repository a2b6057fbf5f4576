package io.egress.cli.internal.analyze;

import java.io.PrintStream;
import java.util.List;

import io.egress.cli.internal.TextTable;
import io.egress.detect.DetectionReport;
import io.egress.detect.Finding;

/** The findings of {@code analyze --detect} as a table after the flows. */
final class FindingsTable {
    private FindingsTable() {
    }

    static void print(DetectionReport report, PrintStream out) {
        out.println();
        out.println("findings: " + report.findings().size());
        TextTable t = new TextTable(List.of("SEVERITY", "SCORE", "DETECTOR", "TITLE", "ADDRESSES", "ATT&CK"));
        for (Finding f : report.findings()) {
            t.add(List.of(f.severity().name().toLowerCase(java.util.Locale.ROOT), Integer.toString(f.score()), f.detector(), f.title(),
                    String.join(",", f.evidence().addresses()), f.technique().orElse("")));
        }
        t.print(out);
    }
}
