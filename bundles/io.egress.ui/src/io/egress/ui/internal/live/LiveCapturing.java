package io.egress.ui.internal.live;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.egress.capture.live.CaptureRequest;
import io.egress.live.LiveSession;
import io.egress.ui.internal.session.SavedLiveCapture;

/**
 * The workbench's live capture: the running session, or the last one after it stopped (its flows stay
 * for review until the next capture starts). One instance lives in the application context (put there
 * by the investigation add-on); handlers and parts get it injected. Listeners are called on the thread
 * that changed it and must hand over to the UI themselves.
 */
public final class LiveCapturing {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile LiveSession session;
    private volatile CaptureRequest request;
    private volatile boolean running;
    private volatile boolean starting;

    /** The running session, or the last stopped one; empty before the first capture. */
    public Optional<LiveSession> session() {
        return Optional.ofNullable(session);
    }

    /**
     * The current (or last) session's flows with their owners as they are now, for a workspace save;
     * empty before the first capture. Builds every flow: call it off the UI thread.
     */
    public Optional<SavedLiveCapture> snapshot(long nowMillis) {
        LiveSession s = session;
        if (s == null) {
            return Optional.empty();
        }
        String interfaces = String.join(", ", request().map(CaptureRequest::interfaces).orElse(List.of()));
        return Optional.of(new SavedLiveCapture(s.snapshot(), interfaces, nowMillis));
    }

    /** What the current (or last) session was asked to capture. */
    public Optional<CaptureRequest> request() {
        return Optional.ofNullable(request);
    }

    public boolean running() {
        return running;
    }

    /** A start is in progress (the menu offers neither Start nor Stop meanwhile). */
    public boolean starting() {
        return starting;
    }

    /** Marks a start as begun; false when another start or a running capture is in the way. */
    synchronized boolean beginStart() {
        if (starting || running) {
            return false;
        }
        starting = true;
        return true;
    }

    /** A start failed: nothing changes but the flag. */
    synchronized void startFailed() {
        starting = false;
        fire();
    }

    /** A new session replaces the last one (closed now: its threads and socket tables end). */
    synchronized void started(LiveSession started, CaptureRequest startedRequest) {
        LiveSession previous = session;
        session = started;
        request = startedRequest;
        running = true;
        starting = false;
        if (previous != null) {
            previous.close();
        }
        fire();
    }

    /**
     * Stops capturing; returns at once. The session stays (flows, owners and statistics remain
     * readable; lookups already queued still finish).
     */
    public synchronized void stop() {
        LiveSession s = session;
        if (s != null && running) {
            s.stop();
            running = false;
            fire();
        }
    }

    /**
     * File &gt; New and Open: a stopped session belonged to the investigation being replaced, so it is
     * closed and no longer shown (a workspace brings its own saved live flows). A running one goes on.
     */
    public synchronized void discardStopped() {
        LiveSession s = session;
        if (s != null && !running && !starting) {
            session = null;
            request = null;
            s.close();
            fire();
        }
    }

    /** At shutdown: stops and closes the session. */
    public synchronized void dispose() {
        running = false;
        if (session != null) {
            session.close();
        }
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }
}
