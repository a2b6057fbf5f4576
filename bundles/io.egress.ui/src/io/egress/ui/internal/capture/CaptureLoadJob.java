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
import io.egress.ui.internal.Messages;
import io.egress.ui.internal.jobs.MonitorProgress;
import io.egress.ui.internal.session.Investigation;

/**
 * Reads one capture file into flows, reporting bytes read of the file's size. Cancelling keeps
 * the flows read so far (the analysis says it is incomplete).
 */
public final class CaptureLoadJob extends Job {
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
        try {
            result = CaptureAnalyzer.analyze(file, new MonitorProgress(monitor));
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
}
