package io.egress.ui.internal.capture;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.egress.capture.CaptureAnalysis;
import io.egress.detect.DetectionInput;
import io.egress.detect.DetectionReport;
import io.egress.detect.DetectionRunner;
import io.egress.detect.capture.BurstActivity;
import io.egress.detect.capture.CaptureInputs;
import io.egress.detect.internal.registry.InstalledDetectors;
import io.egress.ui.internal.Messages;
import io.egress.ui.internal.session.Investigation;

/**
 * Runs every installed detector (built-in and contributed through the extension point) over an
 * opened capture; a detector that fails or overruns is reported in the Findings view, the others
 * still report.
 */
public final class DetectionJob extends Job {
    private final CaptureAnalysis capture;
    private final Investigation investigation;

    public DetectionJob(CaptureAnalysis capture, Investigation investigation) {
        super(NLS.bind(Messages.findings_jobName, capture.file().getFileName()));
        this.capture = capture;
        this.investigation = investigation;
        setUser(true);
        setPriority(Job.LONG);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        try {
            // one more pass over the file gives the detectors packet bursts and DNS questions
            DetectionInput input = CaptureInputs.of(capture);
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            DetectionReport report = new DetectionRunner().run(InstalledDetectors.catalog(), input);
            investigation.setDetection(capture, report, BurstActivity.of(input));
            return Status.OK_STATUS;
        } catch (IOException | RuntimeException e) {
            return Status.error(NLS.bind(Messages.findings_failed, capture.file(), e.getMessage()), e);
        } finally {
            monitor.done();
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == DetectionJob.class;
    }
}
