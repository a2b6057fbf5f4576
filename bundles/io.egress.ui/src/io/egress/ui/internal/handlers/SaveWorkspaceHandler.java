package io.egress.ui.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import io.egress.ui.internal.workspace.WorkspaceSession;
import io.egress.ui.internal.workspace.WorkspaceUi;

/** File &gt; Save (Ctrl+S): to the current file, or asks for one like Save As. */
public final class SaveWorkspaceHandler {
    @CanExecute
    public boolean canExecute(WorkspaceSession session) {
        return session.isDirty() || session.file().isEmpty();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, WorkspaceSession session, IEclipseContext context) {
        if (session.file().isPresent()) {
            WorkspaceUi.save(session.file().get(), context);
        } else {
            SaveWorkspaceAsHandler.askAndSave(shell, session, context);
        }
    }
}
