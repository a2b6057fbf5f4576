package io.egress.ui.internal.session;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.service.event.Event;

import io.egress.ui.internal.capture.CaptureOpening;
import io.egress.ui.internal.live.LiveCapturing;

/**
 * Model add-on: puts the {@link Investigation} into the application context and, once the
 * workbench is up, opens the capture or, for a {@code *.egress} file, the workspace named by
 * {@code --open FILE} (what {@code ./egress FILE} passes).
 */
public final class InvestigationAddon {
    private IEclipseContext context;
    private final LiveCapturing capturing = new LiveCapturing();

    @PostConstruct
    public void init(IEclipseContext appContext) {
        this.context = appContext;
        appContext.set(Investigation.class, new Investigation());
        appContext.set(LiveCapturing.class, capturing);
        EnrichmentSetup.install(appContext);
    }

    @Inject
    @Optional
    public void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
        IApplicationContext app = context.get(IApplicationContext.class);
        if (app == null) {
            return;
        }
        Object raw = app.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> args = raw instanceof String[] a ? Arrays.asList(a) : List.of();
        int i = args.indexOf("--open");
        if (i >= 0 && i + 1 < args.size()) {
            Path file = Path.of(args.get(i + 1));
            if (file.getFileName().toString().endsWith(io.egress.workspace.WorkspaceStore.EXTENSION)) {
                io.egress.ui.internal.workspace.WorkspaceUi.open(file, context);
            } else {
                CaptureOpening.open(file, context);
            }
        }
    }

    /** At shutdown: a running capture is stopped and its threads end. */
    @PreDestroy
    public void dispose() {
        capturing.dispose();
    }
}
