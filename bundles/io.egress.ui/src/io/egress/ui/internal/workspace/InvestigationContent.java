package io.egress.ui.internal.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.egress.capture.CaptureAnalysis;
import io.egress.detect.DetectionReport;
import io.egress.detect.DetectorFailure;
import io.egress.detect.Finding;
import io.egress.ui.internal.session.SavedLiveCapture;
import io.egress.ui.internal.session.ViewState;
import io.egress.workspace.CaptureRef;
import io.egress.workspace.EnrichmentAnswer;
import io.egress.workspace.FindingRecord;
import io.egress.workspace.FlowRecord;
import io.egress.workspace.Note;
import io.egress.workspace.Subject;
import io.egress.workspace.WorkspaceContent;
import io.egress.workspace.detect.FindingRecords;

/**
 * The investigation as workspace content and back, without any UI. Flows and findings go through the
 * same API as the command line's {@code workspace save} ({@link WorkspaceContent.Builder#addCapture},
 * {@link FindingRecords}). What only the workbench needs (which capture a finding belongs to, how long
 * each detector ran) is kept in the view state under {@code report.N.*}, next to the views' own keys.
 */
public final class InvestigationContent {
    static final String REPORT_FINDINGS = "report.%d.findings";
    static final String REPORT_DURATIONS = "report.%d.durations";
    static final String REPORT_FAILURES = "report.%d.failures";

    private InvestigationContent() {
    }

    /** One capture of the investigation as it will be saved. */
    public record CaptureState(CaptureAnalysis analysis, Optional<DetectionReport> report, Optional<CaptureRef> knownRef) {
    }

    /**
     * Builds the content; hashes each capture file whose reference is not already known (run it in a job).
     *
     * @param origin the workspace the known references came from (embedded packets are copied from it)
     */
    public static WorkspaceContent toContent(List<CaptureState> captures, Map<String, String> notes, Map<String, String> viewState,
            Optional<Path> origin, long nowMillis) throws IOException {
        return toContent(captures, Optional.empty(), List.of(), notes, viewState, origin, nowMillis);
    }

    /**
     * As {@link #toContent(List, Map, Map, Optional, long)}, with the flows of a live capture (capture
     * -1, after the captures' flows, with their processes) and the enrichment answers the workspace
     * was opened with (kept unless a new lookup answers for the same address).
     */
    public static WorkspaceContent toContent(List<CaptureState> captures, Optional<SavedLiveCapture> live, List<EnrichmentAnswer> earlierAnswers,
            Map<String, String> notes, Map<String, String> viewState, Optional<Path> origin, long nowMillis) throws IOException {
        WorkspaceContent.Builder b = WorkspaceContent.builder();
        viewState.forEach(b::viewState);
        earlierAnswers.forEach(b::enrichment);
        long nextId = 0;
        for (int i = 0; i < captures.size(); i++) {
            CaptureState c = captures.get(i);
            CaptureRef ref = refOf(c, "true".equals(viewState.get(ViewState.EMBED_PACKETS)));
            long firstId = b.addCapture(ref, c.analysis().flows());
            nextId = firstId + c.analysis().flows().size();
            if (c.report().isPresent()) {
                DetectionReport r = c.report().get();
                r.findings().forEach(f -> b.finding(FindingRecords.of(f, firstId)));
                b.viewState(String.format(REPORT_FINDINGS, i), Integer.toString(r.findings().size()));
                StringBuilder durations = new StringBuilder();
                r.durations().forEach((detector, d) -> durations.append(durations.isEmpty() ? "" : ";").append(detector).append('=')
                        .append(d.toMillis()));
                b.viewState(String.format(REPORT_DURATIONS, i), durations.toString());
                if (!r.failures().isEmpty()) {
                    b.viewState(String.format(REPORT_FAILURES, i), failuresText(r.failures()));
                }
            }
        }
        if (live.isPresent()) {
            LiveFlowRecords.add(b, nextId, live.get());
        }
        notes.forEach((address, text) -> b.note(new Note(Subject.address(address), text, nowMillis)));
        origin.ifPresent(b::origin);
        return b.build();
    }

    /** A capture read back in the state it was saved with: its report as it was, flows matched by position. */
    public static Optional<DetectionReport> reportOf(WorkspaceContent content, int capture) {
        String count = content.viewState().get(String.format(REPORT_FINDINGS, capture));
        List<FindingRecord> records = new ArrayList<>();
        if (count != null) {
            int skip = 0;
            for (int i = 0; i < capture; i++) {
                skip += Integer.parseInt(content.viewState().getOrDefault(String.format(REPORT_FINDINGS, i), "0"));
            }
            records.addAll(content.findings().subList(Math.min(skip, content.findings().size()),
                    Math.min(skip + Integer.parseInt(count), content.findings().size())));
        } else {
            // written elsewhere (the command line): a finding belongs to the capture of its first flow
            for (FindingRecord r : content.findings()) {
                if (!r.flows().isEmpty() && content.captureOfFlow(r.flows().get(0)) == capture) {
                    records.add(r);
                }
            }
            if (records.isEmpty()) {
                return Optional.empty();
            }
        }
        long firstId = content.flowsOf(capture).stream().mapToLong(FlowRecord::id).min().orElse(0);
        List<Finding> findings = records.stream().map(r -> FindingRecords.toFinding(r, firstId)).toList();
        Map<String, Duration> durations = new LinkedHashMap<>();
        for (String entry : content.viewState().getOrDefault(String.format(REPORT_DURATIONS, capture), "").split(";")) {
            int eq = entry.lastIndexOf('=');
            if (eq > 0) {
                durations.put(entry.substring(0, eq), Duration.ofMillis(Long.parseLong(entry.substring(eq + 1))));
            }
        }
        return Optional.of(new DetectionReport(findings, failures(content.viewState().getOrDefault(String.format(REPORT_FAILURES, capture), "")),
                durations));
    }

    /** One line per failed detector: {@code DETECTOR TAB KIND TAB REASON} (tabs and line breaks in the reason become spaces). */
    static String failuresText(List<DetectorFailure> failures) {
        StringBuilder sb = new StringBuilder();
        for (DetectorFailure f : failures) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(oneLine(f.detector())).append('\t').append(f.kind().name()).append('\t').append(oneLine(f.message()));
        }
        return sb.toString();
    }

    static List<DetectorFailure> failures(String text) {
        List<DetectorFailure> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] p = line.split("\t", 3);
            if (p.length == 3) {
                try {
                    out.add(new DetectorFailure(p[0], DetectorFailure.Kind.valueOf(p[1]), p[2]));
                } catch (IllegalArgumentException e) {
                    // a kind this version does not know: left out
                }
            }
        }
        return out;
    }

    private static String oneLine(String s) {
        return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }

    /** The notes on addresses, address to text. */
    public static Map<String, String> addressNotes(WorkspaceContent content) {
        Map<String, String> notes = new LinkedHashMap<>();
        content.notes().stream().filter(n -> n.subject().kind() == Subject.Kind.ADDRESS).forEach(n -> notes.put(n.subject().key(), n.text()));
        return notes;
    }

    /**
     * A capture from an opened workspace keeps its reference: when it was read from the packets
     * embedded in that workspace (its file is gone; they stay embedded), or when its file is still
     * there with the recorded size (no need to hash it again; embedded as asked now). Any other
     * capture file is hashed now.
     */
    private static CaptureRef refOf(CaptureState c, boolean embed) throws IOException {
        if (c.knownRef().isPresent()) {
            CaptureRef known = c.knownRef().get();
            if (!sameFile(known, c.analysis().file())) {
                return known;
            }
            if (sizeOf(known.path()) == known.size()) {
                return known.withEmbedded(embed);
            }
        }
        return CaptureRef.of(c.analysis().file(), embed);
    }

    private static boolean sameFile(CaptureRef ref, Path file) {
        return ref.path().equals(file.toAbsolutePath().normalize());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
