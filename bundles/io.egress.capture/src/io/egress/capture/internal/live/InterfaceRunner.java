package io.egress.capture.internal.live;

import io.egress.capture.live.CaptureMethod;
import io.egress.capture.live.InterfaceState;
import io.egress.capture.live.InterfaceStatus;
import io.egress.capture.live.LiveCaptureException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Captures one interface on its own thread and hands every frame to the session. Subclasses open
 * the source, run its loop until it ends, and stop it from another thread.
 */
abstract class InterfaceRunner {
    protected final LiveCaptureSession session;
    protected final String name;
    private final CaptureMethod method;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean started;
    private volatile InterfaceState state = InterfaceState.STARTING;
    private volatile String message = "";
    private volatile String abortReason;
    protected volatile boolean stopRequested;
    protected volatile int linkType = -1;
    /** Index of this interface in the spool file, -1 until its link type is known. */
    volatile int spoolInterface = -1;
    /** Written only under the session's lock. */
    long packets;
    protected volatile long kernelReceived = -1;
    protected volatile long kernelDropped = -1;
    protected volatile long interfaceDropped = -1;

    InterfaceRunner(LiveCaptureSession session, String name, CaptureMethod method) {
        this.session = session;
        this.name = name;
        this.method = method;
    }

    /** Opens the source; a failure here fails the whole start. */
    abstract void open() throws LiveCaptureException;

    /** The capture loop; returns when the source ends. Sets the final state through {@link #end}. */
    abstract void loop();

    /** Asks the loop to end; returns at once. */
    abstract void requestStop();

    /** Refreshes the kernel counters while running, when the source can. */
    void refreshCounters() {
        // sources without live counters keep the last values
    }

    /** Starts the loop thread once (a runner may need it already while opening). */
    final void startThread() {
        if (started) {
            return;
        }
        started = true;
        Thread t = new Thread(() -> {
            try {
                state = InterfaceState.RUNNING;
                loop();
            } finally {
                if (state == InterfaceState.RUNNING || state == InterfaceState.STARTING) {
                    end(InterfaceState.FAILED, "capture loop ended unexpectedly");
                }
                ended.countDown();
            }
        }, "egress-capture-" + name);
        t.setDaemon(true);
        t.start();
    }

    final void end(InterfaceState finalState, String why) {
        String aborted = abortReason;
        message = aborted != null ? aborted : why;
        state = aborted != null ? InterfaceState.FAILED : finalState;
    }

    /** Ends the capture as FAILED with this reason (e.g. the interface went down). */
    final void abort(String why) {
        abortReason = why;
        if (state == InterfaceState.RUNNING || state == InterfaceState.STARTING) {
            requestStop();
        }
    }

    final boolean isRunning() {
        return started && !hasEnded();
    }

    final void stop() {
        stopRequested = true;
        if (state == InterfaceState.RUNNING || state == InterfaceState.STARTING) {
            requestStop();
        }
    }

    /** True at once for a runner whose thread never started (its open failed). */
    final boolean await(Duration timeout) throws InterruptedException {
        return !started || ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    final boolean hasEnded() {
        return !started || ended.getCount() == 0;
    }

    final InterfaceStatus status(long packetCount) {
        if (!hasEnded()) {
            refreshCounters();
        }
        return new InterfaceStatus(name, method, linkType, state, message, packetCount, kernelReceived, kernelDropped, interfaceDropped);
    }

    final String name() {
        return name;
    }

    final int linkType() {
        return linkType;
    }
}
