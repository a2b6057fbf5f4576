package io.egress.workspace;

import io.egress.core.process.ProcessInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything an investigation holds, immutable. Lists keep their order through a save and an open;
 * maps come back sorted by key.
 *
 * @param captures         the capture files used
 * @param flows            the flows, each with a unique {@link FlowRecord#id()}
 * @param processes        process snapshots (one per {@link ProcessInfo#key()})
 * @param enrichment       answers about addresses, with their sources
 * @param findings         detector findings
 * @param notes            analyst notes, at most one per subject
 * @param tags             labels
 * @param bookmarks        named time ranges
 * @param detectorSettings detector parameters, {@code detector.parameter} to value
 * @param viewState        opaque key/value strings owned by the workbench (selections, timeline
 *                         range, column layout...); stored and returned unchanged
 * @param origin           the workspace file this content was opened from, if any: a save looks
 *                         there for embedded packets whose capture file is gone
 */
public record WorkspaceContent(List<CaptureRef> captures, List<FlowRecord> flows, List<ProcessInfo> processes,
        List<EnrichmentAnswer> enrichment, List<FindingRecord> findings, List<Note> notes, List<Tag> tags,
        List<Bookmark> bookmarks, Map<String, String> detectorSettings, Map<String, String> viewState,
        Optional<Path> origin) {

    public WorkspaceContent {
        captures = List.copyOf(captures);
        flows = List.copyOf(flows);
        processes = List.copyOf(processes);
        enrichment = List.copyOf(enrichment);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        tags = List.copyOf(tags);
        bookmarks = List.copyOf(bookmarks);
        detectorSettings = java.util.Collections.unmodifiableMap(new TreeMap<>(detectorSettings));
        viewState = java.util.Collections.unmodifiableMap(new TreeMap<>(viewState));
        Objects.requireNonNull(origin, "origin");
    }

    /** An empty workspace (File > New). */
    public static WorkspaceContent empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this content, to change a part of it. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.captures.addAll(captures);
        b.flows.addAll(flows);
        b.processes.addAll(processes);
        b.enrichment.addAll(enrichment);
        b.findings.addAll(findings);
        b.notes.addAll(notes);
        b.tags.addAll(tags);
        b.bookmarks.addAll(bookmarks);
        b.detectorSettings.putAll(detectorSettings);
        b.viewState.putAll(viewState);
        b.origin = origin;
        return b;
    }

    /**
     * The flows of one capture in the order they were added, e.g. to match them with a fresh reading
     * of the capture (the flow engine is deterministic: same file, same flows, same order).
     */
    public List<FlowRecord> flowsOf(int capture) {
        return flows.stream().filter(f -> f.capture() == capture).toList();
    }

    /** The capture whose flows include this workspace flow id, or -1 (unknown id, live session). */
    public int captureOfFlow(long flowId) {
        for (FlowRecord f : flows) {
            if (f.id() == flowId) {
                return f.capture();
            }
        }
        return -1;
    }

    /** The note on a subject, if there is one. */
    public Optional<Note> noteOn(Subject subject) {
        return notes.stream().filter(n -> n.subject().equals(subject)).findFirst();
    }

    /** Collects the parts of a {@link WorkspaceContent}. Not thread-safe. */
    public static final class Builder {
        private final List<CaptureRef> captures = new ArrayList<>();
        private final List<FlowRecord> flows = new ArrayList<>();
        private final List<ProcessInfo> processes = new ArrayList<>();
        private final List<EnrichmentAnswer> enrichment = new ArrayList<>();
        private final List<FindingRecord> findings = new ArrayList<>();
        private final List<Note> notes = new ArrayList<>();
        private final List<Tag> tags = new ArrayList<>();
        private final List<Bookmark> bookmarks = new ArrayList<>();
        private final Map<String, String> detectorSettings = new TreeMap<>();
        private final Map<String, String> viewState = new TreeMap<>();
        private Optional<Path> origin = Optional.empty();

        private Builder() {
        }

        /** Adds a capture; returns its index for {@link FlowRecord#capture()}. */
        public int capture(CaptureRef capture) {
            captures.add(capture);
            return captures.size() - 1;
        }

        public Builder flow(FlowRecord flow) { flows.add(flow); return this; }

        /**
         * Adds a capture with its flows (no process attribution), giving them ids that run on from the
         * highest id already added. What the CLI's {@code workspace save} and the workbench's Save both do.
         *
         * @return the id of the capture's first flow: flow {@code i} of the list gets {@code firstId + i},
         *         so evidence that names flows by position converts with one addition
         */
        public long addCapture(CaptureRef capture, List<io.egress.core.flow.Flow> captureFlows) {
            int index = capture(capture);
            long firstId = flows.stream().mapToLong(FlowRecord::id).max().orElse(-1) + 1;
            long id = firstId;
            for (io.egress.core.flow.Flow f : captureFlows) {
                flows.add(new FlowRecord(id++, index, f, Optional.empty()));
            }
            return firstId;
        }

        public Builder flows(List<FlowRecord> more) { flows.addAll(more); return this; }

        public Builder process(ProcessInfo process) { processes.add(process); return this; }

        public Builder enrichment(EnrichmentAnswer answer) { enrichment.add(answer); return this; }

        public Builder finding(FindingRecord finding) { findings.add(finding); return this; }

        /** Sets the note of its subject, replacing an earlier one; an empty text removes it. */
        public Builder note(Note note) {
            notes.removeIf(n -> n.subject().equals(note.subject()));
            if (!note.text().isEmpty()) {
                notes.add(note);
            }
            return this;
        }

        public Builder tag(Tag tag) {
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
            return this;
        }

        public Builder bookmark(Bookmark bookmark) { bookmarks.add(bookmark); return this; }

        public Builder detectorSetting(String key, String value) { detectorSettings.put(key, value); return this; }

        /** Sets a view-state entry; a null value removes it. */
        public Builder viewState(String key, String value) {
            if (value == null) {
                viewState.remove(key);
            } else {
                viewState.put(key, value);
            }
            return this;
        }

        public Builder origin(Path workspaceFile) { origin = Optional.of(workspaceFile); return this; }

        public WorkspaceContent build() {
            return new WorkspaceContent(captures, flows, processes, enrichment, findings, notes, tags, bookmarks,
                    detectorSettings, viewState, origin);
        }
    }
}
