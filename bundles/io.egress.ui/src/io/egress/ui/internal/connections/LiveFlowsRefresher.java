package io.egress.ui.internal.connections;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.egress.live.LiveProcessView;
import io.egress.live.LiveSession;
import io.egress.live.LiveStatistics;
import io.egress.ui.internal.Messages;

/**
 * Looks at the live session off the UI thread a few times a second, only while the live source is
 * shown, and computes the per-process view model; each result goes to a consumer that coalesces it
 * into the UI (latest wins). The previous view (for bytes per second) is confined to this job.
 */
final class LiveFlowsRefresher extends Job {
    /** One look at the session. */
    record Result(LiveSession session, LiveProcessView view, LiveStatistics statistics, boolean running) {
    }

    private final Supplier<LiveSession> session;
    private final Supplier<Boolean> running;
    private final Duration interval;
    private final Consumer<Result> published;
    private final Consumer<Throwable> failed;
    private volatile boolean active;
    private LiveSession measured;
    private LiveProcessView previous = LiveProcessView.EMPTY;

    LiveFlowsRefresher(Supplier<LiveSession> session, Supplier<Boolean> running, Duration interval, Consumer<Result> published,
            Consumer<Throwable> failed) {
        super(Messages.live_refreshJob);
        this.session = session;
        this.running = running;
        this.interval = interval;
        this.published = published;
        this.failed = failed;
        setSystem(true);
        setPriority(Job.DECORATE);
    }

    void setActive(boolean shown) {
        boolean wasActive = active;
        active = shown;
        if (shown && !wasActive) {
            schedule();
        }
    }

    void dispose() {
        active = false;
        cancel();
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        if (!active || monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        LiveSession s = session.get();
        if (s != null) {
            try {
                boolean isRunning = running.get();
                if (s != measured) {
                    measured = s;
                    previous = LiveProcessView.EMPTY;
                }
                LiveStatistics statistics = s.statistics();
                previous = previous.next(s.snapshot(), System.nanoTime());
                published.accept(new Result(s, previous, statistics, isRunning));
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        }
        if (active) {
            schedule(interval.toMillis());
        }
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == LiveFlowsRefresher.class;
    }
}
