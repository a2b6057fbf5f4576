package io.egress.ui.internal.workspace;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import io.egress.capture.CaptureAnalysis;
import io.egress.ui.internal.Messages;
import io.egress.ui.internal.ip.IpEditors;
import io.egress.ui.internal.live.LiveCapturing;
import io.egress.ui.internal.session.FlowSelection;
import io.egress.ui.internal.session.SelectionTopics;
import io.egress.ui.internal.session.TimeRange;
import io.egress.ui.internal.session.ViewState;

/**
 * What the workbench does when a save or an open ends, on the UI thread: error and warning dialogs
 * naming the file, and after an open the restored view state posted to the views. The handlers and
 * the UI tests go through here, so both take the same path.
 */
public final class WorkspaceUi {
    /** {@link FlowSelection#source()} and {@link TimeRange#source()} of the restored selections. */
    public static final String SOURCE = "workspace";

    private WorkspaceUi() {
    }

    public static WorkspaceSession.SaveJob save(Path target, IEclipseContext context) {
        WorkspaceSession session = context.get(WorkspaceSession.class);
        UISynchronize ui = context.get(UISynchronize.class);
        WorkspaceSession.SaveJob job = session.saveJob(target);
        whenDone(job, () -> ui.asyncExec(() -> {
            if (job.failure() != null) {
                MessageDialog.openError(shell(), Messages.workspace_saveFailedTitle, NLS.bind(Messages.workspace_saveFailed, job.failure().getMessage()));
            }
        }));
        job.schedule();
        return job;
    }

    public static WorkspaceSession.OpenJob open(Path source, IEclipseContext context) {
        WorkspaceSession session = context.get(WorkspaceSession.class);
        UISynchronize ui = context.get(UISynchronize.class);
        IEventBroker broker = context.get(IEventBroker.class);
        WorkspaceSession.OpenJob job = session.openJob(source);
        whenDone(job, () -> ui.asyncExec(() -> {
            if (job.failure() != null) {
                MessageDialog.openError(shell(), Messages.workspace_openFailedTitle, NLS.bind(Messages.workspace_openFailed, job.failure().getMessage()));
                return;
            }
            if (job.viewState() == null) {
                return; // cancelled: nothing changed
            }
            closeAddressEditors(context);
            discardStoppedCapture(context);
            post(job.viewState(), job.captures(), broker);
            List<String> warnings = job.warnings();
            if (!warnings.isEmpty()) {
                MessageDialog.openWarning(shell(), Messages.workspace_openWarningsTitle,
                        NLS.bind(Messages.workspace_openWarnings, source, String.join("\n", warnings)));
            }
        }));
        job.schedule();
        return job;
    }

    /** File &gt; New: an empty investigation; the address editors (showing notes of the old one) are closed. */
    public static void newWorkspace(IEclipseContext context) {
        context.get(WorkspaceSession.class).newWorkspace();
        closeAddressEditors(context);
        discardStoppedCapture(context);
        IEventBroker broker = context.get(IEventBroker.class);
        if (broker != null) {
            broker.post(SelectionTopics.TIME_RANGE, new TimeRange(TimeRange.ALL.startNanos(), TimeRange.ALL.endNanos(), SOURCE));
        }
    }

    private static void discardStoppedCapture(IEclipseContext context) {
        LiveCapturing capturing = context.get(LiveCapturing.class);
        if (capturing != null) {
            capturing.discardStopped();
        }
    }

    /** Closes the IP details editors: their notes belong to the investigation being replaced. */
    static void closeAddressEditors(IEclipseContext context) {
        EModelService models = context.get(EModelService.class);
        EPartService parts = context.get(EPartService.class);
        MApplication app = context.get(MApplication.class);
        if (models == null || parts == null || app == null) {
            return;
        }
        for (MPart part : models.findElements(app, null, MPart.class, null)) {
            if (part.getElementId() != null && part.getElementId().startsWith(IpEditors.DESCRIPTOR + ":")) {
                parts.hidePart(part, true);
            }
        }
    }

    /** Hands the restored state to the views: the time range and flow on their usual topics, the rest on {@link ViewState#RESTORED}. */
    static void post(ViewState state, List<CaptureAnalysis> captures, IEventBroker broker) {
        broker.post(ViewState.RESTORED, state);
        TimeRange range = new TimeRange(TimeRange.ALL.startNanos(), TimeRange.ALL.endNanos(), SOURCE);
        String saved = state.get(ViewState.TIME_RANGE).orElse("");
        String[] bounds = saved.split(":");
        if (bounds.length == 2) {
            try {
                range = new TimeRange(Long.parseLong(bounds[0]), Long.parseLong(bounds[1]), SOURCE);
            } catch (NumberFormatException e) {
                // not a range: all
            }
        }
        broker.post(SelectionTopics.TIME_RANGE, range); // always, so that no range of the previous investigation stays
        state.get(ViewState.FLOW).ifPresent(v -> {
            String[] p = v.split(":");
            try {
                int capture = Integer.parseInt(p[0]);
                int flow = Integer.parseInt(p[1]);
                if (capture < captures.size() && flow >= 0 && flow < captures.get(capture).flows().size()) {
                    broker.post(SelectionTopics.FLOW, new FlowSelection(captures.get(capture), flow, SOURCE));
                }
            } catch (RuntimeException e) {
                // not a flow: nothing selected
            }
        });
    }

    /** Asks before dropping unsaved changes; true when there are none or the analyst agrees. */
    public static boolean confirmDiscard(Shell shell, WorkspaceSession session) {
        if (!session.isDirty()) {
            return true;
        }
        String name = session.file().map(f -> f.getFileName().toString()).orElse(Messages.workspace_untitled);
        return MessageDialog.openQuestion(shell, Messages.workspace_discardTitle, NLS.bind(Messages.workspace_discard, name));
    }

    static void whenDone(Job job, Runnable action) {
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                action.run();
            }
        });
    }

    private static Shell shell() {
        Display d = Display.getCurrent();
        return d == null ? null : d.getActiveShell();
    }
}
