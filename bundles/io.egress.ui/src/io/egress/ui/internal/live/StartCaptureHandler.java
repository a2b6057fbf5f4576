package io.egress.ui.internal.live;

import jakarta.inject.Named;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import io.egress.capture.live.LiveCaptures;

/** Capture &gt; Start...: choose interfaces and a filter, then start in a job. */
public final class StartCaptureHandler {
    @CanExecute
    public boolean canExecute(LiveCapturing capturing) {
        return !capturing.running() && !capturing.starting();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, LiveCapturing capturing, IEclipseContext context) {
        StartCaptureDialog dialog = new StartCaptureDialog(shell, new LiveCaptures(), capturing.request());
        if (dialog.open() == Window.OK && dialog.result() != null) {
            LiveCaptureStarting.start(dialog.result(), context);
        }
    }
}
