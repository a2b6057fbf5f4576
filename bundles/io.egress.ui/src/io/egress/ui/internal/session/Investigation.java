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
 * What the analyst has open in this workbench: the captures read so far. One instance lives in the
 * application's e4 context (put there by {@link InvestigationAddon}); parts get it injected.
 * Listeners are called on the thread that changed it and must hand over to the UI themselves.
 */
public final class Investigation {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile List<CaptureAnalysis> captures = List.of();
    private volatile ConnectionsView liveConnections;
    // identity, not equals: an analysis is a record over a lazy million-flow list
    private final java.util.Map<CaptureAnalysis, DetectionReport> reports = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private final java.util.Map<CaptureAnalysis, FlowActivity> activities = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private final java.util.Map<String, String> notes = new java.util.concurrent.ConcurrentHashMap<>();

    public List<CaptureAnalysis> captures() {
        return captures;
    }

    /** The capture opened last, which the capture views show. */
    public Optional<CaptureAnalysis> current() {
        List<CaptureAnalysis> c = captures;
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(c.size() - 1));
    }

    public synchronized void add(CaptureAnalysis analysis) {
        List<CaptureAnalysis> next = new ArrayList<>(captures);
        next.add(analysis);
        captures = List.copyOf(next);
        listeners.forEach(Runnable::run);
    }

    /** Detector findings of a capture, once the detectors ran on it. */
    public Optional<DetectionReport> report(CaptureAnalysis capture) {
        return Optional.ofNullable(reports.get(capture));
    }

    public void setReport(CaptureAnalysis capture, DetectionReport report) {
        reports.put(capture, report);
        listeners.forEach(Runnable::run);
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
        if (note.isBlank()) {
            notes.remove(address);
        } else {
            notes.put(address, note);
        }
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }
}
