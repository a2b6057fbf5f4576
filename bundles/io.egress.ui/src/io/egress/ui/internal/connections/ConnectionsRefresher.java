package io.egress.ui.internal.connections;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.egress.attribution.SocketTable;
import io.egress.core.connections.ConnectionsTracker;
import io.egress.core.connections.ConnectionsView;
import io.egress.core.progress.Progress;
import io.egress.ui.internal.Messages;

/**
 * Reads the socket table off the UI thread every interval, but only while the view is visible
 * (polling a hidden view wastes the machine the analyst is investigating). Each result goes to a
 * consumer that coalesces it into the UI; the tracker is confined to this job.
 */
final class ConnectionsRefresher extends Job {
    private final SocketTable service;
    private final ConnectionsTracker tracker;
    private final Duration interval;
    private final Consumer<ConnectionsView> published;
    private final Consumer<Throwable> failed;
    private volatile boolean active;

    ConnectionsRefresher(SocketTable service, ConnectionsTracker tracker, Duration interval,
            Consumer<ConnectionsView> published, Consumer<Throwable> failed) {
        super(Messages.job_refreshConnections);
        this.service = service;
        this.tracker = tracker;
        this.interval = interval;
        this.published = published;
        this.failed = failed;
        setSystem(true);
        setPriority(Job.DECORATE);
    }

    /** Starts polling at once when the view becomes visible; stops rescheduling when hidden. */
    void setActive(boolean visible) {
        boolean wasActive = active;
        active = visible;
        if (visible && !wasActive) {
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
        try {
            var snapshot = service.snapshot(new Progress() {
                @Override
                public void worked(long done, long total) {
                    // a refresh takes tens of milliseconds: no progress to show
                }

                @Override
                public boolean isCanceled() {
                    return monitor.isCanceled();
                }
            });
            synchronized (tracker) {
                published.accept(tracker.update(snapshot, Instant.now()));
            }
        } catch (RuntimeException e) {
            // shown in the view's status line; polling goes on, the table may become readable again
            failed.accept(e);
        }
        if (active) {
            schedule(interval.toMillis());
        }
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == ConnectionsRefresher.class;
    }
}
