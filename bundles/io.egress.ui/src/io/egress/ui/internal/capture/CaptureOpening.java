package io.egress.ui.internal.capture;

import java.nio.file.Path;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;

import io.egress.ui.internal.Messages;
import io.egress.ui.internal.session.Investigation;

/** Opens a capture: reads it in a cancellable job, then shows the Conversations view, or the error. */
public final class CaptureOpening {
    private static final System.Logger LOG = System.getLogger(CaptureOpening.class.getName());
    public static final String CONVERSATIONS_PART = "io.egress.ui.part.conversations";

    private CaptureOpening() {
    }

    public static CaptureLoadJob open(Path file, IEclipseContext context) {
        Investigation investigation = context.get(Investigation.class);
        UISynchronize ui = context.get(UISynchronize.class);
        CaptureLoadJob job = new CaptureLoadJob(file, investigation);
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                ui.asyncExec(() -> {
                    if (job.failure() != null) {
                        MessageDialog.openError(Display.getCurrent().getActiveShell(), Messages.capture_openFailedTitle,
                                NLS.bind(Messages.capture_openFailed, file, job.failure().getMessage()));
                        return;
                    }
                    // the detectors first: showing a view can fail, their run must not depend on it
                    if (job.result() != null && job.result().complete()) {
                        new DetectionJob(job.result(), investigation).schedule();
                    }
                    java.util.Optional<EPartService> parts = io.egress.ui.internal.session.WindowParts.of(context);
                    if (parts.isPresent() && job.result() != null) {
                        try {
                            parts.get().showPart(CONVERSATIONS_PART, PartState.VISIBLE);
                        } catch (IllegalStateException e) {
                            // the application's part service needs an active window (none while another
                            // application has the focus): the capture is open, its view just stays where it is
                            LOG.log(System.Logger.Level.INFO, "Conversations view not brought forward: " + e.getMessage());
                        }
                    }
                });
            }
        });
        job.schedule();
        return job;
    }
}
