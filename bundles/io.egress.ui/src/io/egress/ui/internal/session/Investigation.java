package io.egress.ui.internal.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.egress.capture.CaptureAnalysis;
import io.egress.core.connections.ConnectionsView;
import io.egress.core.timeline.FlowActivity;
import io.egress.detect.DetectionReport;

/**
 * What the analyst has open in this workbench: the captures read so far, their detector reports,
 * notes on addresses and the views' state; File &gt; Save writes it to a workspace file. One instance lives in the
 * application's e4 context (put there by {@link InvestigationAddon}); parts get it injected.
 * Listeners are called on the thread that changed it and must hand over to the UI themselves.
 */
public final class Investigation {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile List<CaptureAnalysis> captures = List.of();
    private volatile CaptureAnalysis chosen;
    private volatile ConnectionsView liveConnections;
    private volatile SavedLiveCapture savedLive;
    // identity, not equals: an analysis is a record over a lazy million-flow list
    private final java.util.Map<CaptureAnalysis, DetectionReport> reports = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private final java.util.Map<CaptureAnalysis, FlowActivity> activities = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private final java.util.Map<String, String> notes = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, String> viewState = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong edits = new java.util.concurrent.atomic.AtomicLong();
    private final List<Runnable> editListeners = new CopyOnWriteArrayList<>();

    public List<CaptureAnalysis> captures() {
        return captures;
    }

    /** The capture the capture views show: the one chosen last, else the one opened last. */
    public Optional<CaptureAnalysis> current() {
        List<CaptureAnalysis> c = captures;
        CaptureAnalysis pick = chosen;
        for (CaptureAnalysis a : c) {
            if (a == pick) {
                return Optional.of(a);
            }
        }
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(c.size() - 1));
    }

    /**
     * Makes {@code capture} the one the capture views (Conversations, Findings, Timeline) show, as
     * choosing it in the Connections view's source box does. Not an edit of the investigation.
     */
    public void choose(CaptureAnalysis capture) {
        if (chosen != capture) {
            chosen = capture;
            listeners.forEach(Runnable::run);
        }
    }

    public synchronized void add(CaptureAnalysis analysis) {
        List<CaptureAnalysis> next = new ArrayList<>(captures);
        next.add(analysis);
        captures = List.copyOf(next);
        chosen = analysis; // a capture just opened is shown at once
        listeners.forEach(Runnable::run);
        edited();
    }

    /** File &gt; New: nothing open any more (captures, findings, notes, view state). */
    public synchronized void clear() {
        captures = List.of();
        chosen = null;
        savedLive = null;
        reports.clear();
        notes.clear();
        viewState.clear();
        listeners.forEach(Runnable::run);
        edited();
    }

    /** Detector findings of a capture, once the detectors ran on it. */
    public Optional<DetectionReport> report(CaptureAnalysis capture) {
        return Optional.ofNullable(reports.get(capture));
    }

    public void setReport(CaptureAnalysis capture, DetectionReport report) {
        reports.put(capture, report);
        listeners.forEach(Runnable::run);
        edited();
    }

    /** What the detectors' packet pass learnt of the packets inside the capture's flows. */
    public FlowActivity activity(CaptureAnalysis capture) {
        return activities.getOrDefault(capture, FlowActivity.NONE);
    }

    /** Both results of the detectors' pass at once, so listeners see them together. */
    public void setDetection(CaptureAnalysis capture, DetectionReport report, FlowActivity activity) {
        activities.put(capture, activity);
        setReport(capture, report);
    }

    /** The live capture a workspace was opened with (its flows as saved); empty when it had none. */
    public Optional<SavedLiveCapture> savedLive() {
        return Optional.ofNullable(savedLive);
    }

    /** Sets the live capture read from a workspace (not an edit: it is what was opened). */
    public void setSavedLive(SavedLiveCapture saved) {
        savedLive = saved;
        listeners.forEach(Runnable::run);
    }

    /** The connections view's latest look at this machine, for views that join on it (the IP editor). */
    public Optional<ConnectionsView> liveConnections() {
        return Optional.ofNullable(liveConnections);
    }

    public void setLiveConnections(ConnectionsView view) {
        liveConnections = view;
    }

    /** The analyst's note on an address (canonical text), empty when none. */
    public String note(String address) {
        return notes.getOrDefault(address, "");
    }

    public void setNote(String address, String note) {
        String before = note.isBlank() ? notes.remove(address) : notes.put(address, note);
        if (!(before == null ? "" : before).equals(note.isBlank() ? "" : note)) {
            edited();
        }
    }

    /** Every note, address to text. */
    public java.util.Map<String, String> notes() {
        return java.util.Map.copyOf(notes);
    }

    /**
     * The views' state (selected source, time range, flow) as opaque strings, saved with the
     * workspace. Changing it is not an edit: selecting something does not make the workspace dirty.
     */
    public java.util.Map<String, String> viewState() {
        return java.util.Map.copyOf(viewState);
    }

    /** Sets a view-state entry; null removes it. */
    public void setViewState(String key, String value) {
        if (value == null) {
            viewState.remove(key);
        } else {
            viewState.put(key, value);
        }
    }

    /** Sets a view-state entry that changes what a save writes (a setting, not a selection): an edit. */
    public void setSetting(String key, String value) {
        if (!java.util.Objects.equals(viewState.get(key), value)) {
            setViewState(key, value);
            edited();
        }
    }

    /** Something outside the investigation changed what a save writes (a live capture started or stopped). */
    public void markEdited() {
        edited();
    }

    /**
     * Counts the analyst's changes (a capture opened, findings computed, a note edited, New): a
     * workspace is dirty when this differs from the count at its last save or open.
     */
    public long edits() {
        return edits.get();
    }

    /** Called after every edit, on the thread that made it. */
    public void addEditListener(Runnable listener) {
        editListeners.add(listener);
    }

    public void removeEditListener(Runnable listener) {
        editListeners.remove(listener);
    }

    private void edited() {
        edits.incrementAndGet();
        editListeners.forEach(Runnable::run);
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }
}
