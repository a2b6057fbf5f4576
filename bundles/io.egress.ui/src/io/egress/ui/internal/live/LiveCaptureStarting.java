package io.egress.ui.internal.live;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;

import io.egress.capture.live.CaptureRequest;
import io.egress.live.LiveSession;
import io.egress.ui.internal.Messages;

/**
 * Starts a live capture off the UI thread (opening the interfaces and building the socket-table
 * indexes takes up to half a second), then shows the connections view on its live source, or the
 * error. What Capture &gt; Start... runs once the dialog is closed.
 */
public final class LiveCaptureStarting {
    public static final String CONNECTIONS_PART = "io.egress.ui.part.connections";

    private LiveCaptureStarting() {
    }

    /** The scheduled job; null when a capture is already running or starting. */
    public static Job start(CaptureRequest request, IEclipseContext context) {
        LiveCapturing capturing = context.get(LiveCapturing.class);
        UISynchronize ui = context.get(UISynchronize.class);
        if (!capturing.beginStart()) {
            return null;
        }
        String interfaces = String.join(", ", request.interfaces());
        Job job = Job.create(NLS.bind(Messages.live_startJob, interfaces), monitor -> {
            LiveSession session;
            try {
                session = LiveSession.start(request);
            } catch (Exception e) {
                capturing.startFailed();
                ui.asyncExec(() -> MessageDialog.openError(Display.getCurrent().getActiveShell(), Messages.live_startFailedTitle,
                        NLS.bind(Messages.live_startFailed, interfaces, e.getMessage())));
                return Status.OK_STATUS;
            }
            capturing.started(session, request);
            ui.asyncExec(() -> io.egress.ui.internal.session.WindowParts.of(context).ifPresent(parts -> {
                try {
                    parts.showPart(CONNECTIONS_PART, PartState.VISIBLE);
                } catch (IllegalStateException e) {
                    System.getLogger(LiveCaptureStarting.class.getName()).log(System.Logger.Level.INFO,
                            "Connections view not brought forward: " + e.getMessage());
                }
            }));
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
        return job;
    }
}
