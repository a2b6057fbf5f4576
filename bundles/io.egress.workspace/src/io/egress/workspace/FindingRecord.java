package io.egress.workspace;

import java.util.List;
import java.util.Objects;

/**
 * A detector finding as stored. Deliberately independent of the detector bundle so that a workspace
 * opens without it; the fields follow its {@code Finding}.
 *
 * @param detector     id of the detector
 * @param severity     {@code info}, {@code low}, {@code medium}, {@code high} or {@code critical}
 * @param score        0..100
 * @param title        one line
 * @param explanation  why it looks wrong
 * @param technique    MITRE ATT&amp;CK technique id, or empty
 * @param flows        ids ({@link FlowRecord#id()}) of the flows it points at
 * @param evidenceJson everything else the detector gave (sub-scores, time ranges, process, host,
 *                     addresses, names) as a JSON object
 */
public record FindingRecord(String detector, String severity, int score, String title, String explanation,
        String technique, List<Long> flows, String evidenceJson) {
    public FindingRecord {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(technique, "technique");
        Objects.requireNonNull(evidenceJson, "evidenceJson");
        flows = List.copyOf(flows);
    }

    /** What identifies "the same finding" in two workspaces: detector and title. */
    public String identity() {
        return detector + "\u0000" + title;
    }
}
