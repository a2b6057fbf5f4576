package io.egress.ui.internal.capture;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.egress.capture.CaptureAnalysis;
import io.egress.capture.CaptureAnalyzer;
import io.egress.core.progress.Progress;
import io.egress.ui.internal.Messages;
import io.egress.ui.internal.session.Investigation;

/**
 * Reads one capture file into flows, reporting bytes read of the file's size. Cancelling keeps
 * the flows read so far (the analysis says it is incomplete).
 */
public final class CaptureLoadJob extends Job {
    private static final int TICKS = 1000;
    private final Path file;
    private final Investigation investigation;
    private volatile CaptureAnalysis result;
    private volatile Exception failure;

    CaptureLoadJob(Path file, Investigation investigation) {
        super(NLS.bind(Messages.capture_jobName, file.getFileName()));
        this.file = file;
        this.investigation = investigation;
        setUser(true);
        setPriority(Job.LONG);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), TICKS);
        try {
            result = CaptureAnalyzer.analyze(file, new MonitorProgress(monitor, TICKS));
            investigation.add(result);
            return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
        } catch (IOException | RuntimeException e) {
            failure = e;
            return Status.error(NLS.bind(Messages.capture_openFailed, file, e.getMessage()), e);
        } finally {
            monitor.done();
        }
    }

    public CaptureAnalysis result() {
        return result;
    }

    public Exception failure() {
        return failure;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == CaptureLoadJob.class;
    }

    /** Adapts the engine's done/total progress to an Eclipse monitor's ticks. */
    private static final class MonitorProgress implements Progress {
        private final IProgressMonitor monitor;
        private final int ticks;
        private int reported;

        MonitorProgress(IProgressMonitor monitor, int ticks) {
            this.monitor = monitor;
            this.ticks = ticks;
        }

        @Override
        public void worked(long done, long total) {
            if (total <= 0) {
                return;
            }
            int now = (int) Math.min(ticks, done * ticks / total);
            if (now > reported) {
                monitor.worked(now - reported);
                reported = now;
            }
        }

        @Override
        public boolean isCanceled() {
            return monitor.isCanceled();
        }
    }
}
