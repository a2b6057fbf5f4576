package io.egress.ui.internal.workspace;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuItem;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.IWindowCloseHandler;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;

import io.egress.enrich.details.IpDetailsService;
import io.egress.ui.internal.Messages;
import io.egress.ui.internal.live.LiveCapturing;
import io.egress.ui.internal.session.FlowSelection;
import io.egress.ui.internal.session.Investigation;
import io.egress.ui.internal.session.SelectionTopics;
import io.egress.ui.internal.session.TimeRange;
import io.egress.ui.internal.session.ViewState;

/**
 * Model add-on (after the investigation's): puts the {@link WorkspaceSession} into the application
 * context, keeps the window title ({@code *name.egress - Egress} while there are unsaved changes),
 * records the selected flow and time range in the view state, and runs autosave: every
 * {@code egress.autosave.seconds} (default 120) a system job saves to the current file when there are
 * changes. The save itself is the same job as File &gt; Save, off the UI thread.
 */
public final class WorkspaceAddon {
    static final String WINDOW = "io.egress.ui.window.main";
    static final String EMBED_ITEM = "io.egress.ui.menu.file.embedPackets";
    private static final long DEFAULT_AUTOSAVE_SECONDS = 120;

    @Inject
    private UISynchronize ui;
    @Inject
    private MApplication app;
    @Inject
    private EModelService models;

    private Investigation investigation;
    private WorkspaceSession session;
    private Job autosave;
    private String baseTitle;
    private final AtomicBoolean titlePending = new AtomicBoolean();
    private volatile boolean captureRunning;
    /** Autosave failures are shown once per file, not every two minutes. */
    private final Set<Path> autosaveReported = ConcurrentHashMap.newKeySet();

    @PostConstruct
    public void init(IEclipseContext appContext, Investigation investigation) {
        this.investigation = investigation;
        LiveCapturing capturing = appContext.get(LiveCapturing.class);
        session = new WorkspaceSession(investigation, RecentWorkspaces.inStateFolder(),
                () -> capturing != null && capturing.session().isPresent() ? capturing.snapshot(System.currentTimeMillis()) : investigation.savedLive(),
                () -> appContext.get(IpDetailsService.class));
        appContext.set(WorkspaceSession.class, session);
        session.addListener(this::scheduleTitle);
        if (capturing != null) {
            // the live capture's flows are saved with the workspace: starting or stopping one is a change to save
            capturing.addListener(() -> {
                if (capturing.running() != captureRunning) {
                    captureRunning = capturing.running();
                    investigation.markEdited();
                }
            });
        }
        long seconds = Long.getLong("egress.autosave.seconds", DEFAULT_AUTOSAVE_SECONDS);
        if (seconds > 0) {
            autosave = session.autosave(seconds * 1000, save -> WorkspaceUi.whenDone(save, () -> {
                if (save.failure() != null && autosaveReported.add(save.target())) {
                    ui.asyncExec(() -> MessageDialog.openError(null, Messages.workspace_autosaveFailedTitle,
                            NLS.bind(Messages.workspace_autosaveFailed, save.failure().getMessage())));
                } else if (save.failure() == null) {
                    autosaveReported.remove(save.target());
                }
            }));
        }
    }

    @Inject
    @Optional
    public void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
        updateTitle();
        // closing the window asks about unsaved changes as File > Quit does
        if (models.find(WINDOW, app) instanceof MWindow window && window.getContext() != null) {
            window.getContext().set(IWindowCloseHandler.class,
                    w -> WorkspaceUi.confirmDiscard(w.getWidget() instanceof Shell shell ? shell : null, session));
        }
    }

    /** Every flow selection, in whichever view: saved as {@code CAPTURE:FLOW}. */
    @Inject
    @Optional
    public void flowSelected(@UIEventTopic(SelectionTopics.FLOW) FlowSelection selection) {
        if (selection == null || investigation == null) {
            return;
        }
        int capture = ViewState.indexOf(investigation.captures(), selection.capture());
        if (capture >= 0) {
            investigation.setViewState(ViewState.FLOW, capture + ":" + selection.flowIndex());
        }
    }

    @Inject
    @Optional
    public void rangeSelected(@UIEventTopic(SelectionTopics.TIME_RANGE) TimeRange range) {
        if (range == null || investigation == null) {
            return;
        }
        investigation.setViewState(ViewState.TIME_RANGE, range.isAll() ? null : range.startNanos() + ":" + range.endNanos());
    }

    private void scheduleTitle() {
        if (titlePending.compareAndSet(false, true)) {
            ui.asyncExec(() -> {
                titlePending.set(false);
                updateTitle();
            });
        }
    }

    /** {@code Egress}, {@code name.egress - Egress}, or with a leading {@code *} when there are unsaved changes. */
    private void updateTitle() {
        if (!(models.find(WINDOW, app) instanceof MWindow window)) {
            return;
        }
        if (baseTitle == null) {
            baseTitle = window.getLocalizedLabel();
        }
        window.setLabel(title(baseTitle, session.file().map(f -> f.getFileName().toString()), session.isDirty()));
        for (MMenuItem item : models.findElements(app, EMBED_ITEM, MMenuItem.class, null, EModelService.IN_MAIN_MENU)) {
            item.setSelected(session.embedPackets()); // per workspace: follows New and Open
        }
    }

    static String title(String base, java.util.Optional<String> file, boolean dirty) {
        if (file.isEmpty() && !dirty) {
            return base;
        }
        return NLS.bind(Messages.workspace_title, new Object[] {dirty ? "*" : "", file.orElse(Messages.workspace_untitled), base});
    }

    @PreDestroy
    public void dispose() {
        if (autosave != null) {
            autosave.cancel();
        }
    }
}
