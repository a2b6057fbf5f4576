package io.egress.ui.internal.session;

import java.util.Optional;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * The part service of the main window. The application context's part service works only while a
 * window of the application is active, and fails (IllegalStateException) when none is: another
 * program has the focus, or there is no window manager. Jobs finishing in the background must not
 * depend on that.
 */
public final class WindowParts {
    private WindowParts() {
    }

    public static Optional<EPartService> of(IEclipseContext context) {
        MApplication app = context.get(MApplication.class);
        if (app != null) {
            MWindow window = app.getSelectedElement() != null ? app.getSelectedElement()
                    : app.getChildren().isEmpty() ? null : app.getChildren().get(0);
            if (window != null && window.getContext() != null) {
                return Optional.ofNullable(window.getContext().get(EPartService.class));
            }
        }
        return Optional.ofNullable(context.get(EPartService.class));
    }
}
