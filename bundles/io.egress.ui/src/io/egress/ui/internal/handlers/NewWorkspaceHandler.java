package io.egress.ui.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import io.egress.ui.internal.workspace.WorkspaceSession;
import io.egress.ui.internal.workspace.WorkspaceUi;

/** File &gt; New Workspace: closes everything opened (asking first when there are unsaved changes). */
public final class NewWorkspaceHandler {
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, WorkspaceSession session, IEclipseContext context) {
        if (WorkspaceUi.confirmDiscard(shell, session)) {
            WorkspaceUi.newWorkspace(context);
        }
    }
}
