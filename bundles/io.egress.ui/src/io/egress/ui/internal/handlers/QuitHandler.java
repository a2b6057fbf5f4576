package io.egress.ui.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Shell;

import io.egress.ui.internal.workspace.WorkspaceSession;
import io.egress.ui.internal.workspace.WorkspaceUi;

/** File &gt; Quit, asking first when the workspace has unsaved changes. Stateless: handlers are shared. */
public final class QuitHandler {
    @Execute
    public void execute(IWorkbench workbench, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell, WorkspaceSession session) {
        if (WorkspaceUi.confirmDiscard(shell, session)) {
            workbench.close();
        }
    }
}
