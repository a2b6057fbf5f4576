package io.egress.ui.internal.handlers;

import java.nio.file.Path;

import jakarta.inject.Named;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import io.egress.ui.internal.Messages;
import io.egress.ui.internal.workspace.WorkspaceSession;
import io.egress.ui.internal.workspace.WorkspaceUi;

/** File &gt; Open Workspace...: replaces the investigation with a saved one (in a job). */
public final class OpenWorkspaceHandler {
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, WorkspaceSession session, IEclipseContext context) {
        if (!WorkspaceUi.confirmDiscard(shell, session)) {
            return;
        }
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText(Messages.workspace_dialogOpen);
        dialog.setFilterExtensions(new String[] {"*.egress", "*"});
        dialog.setFilterNames(new String[] {Messages.workspace_filterWorkspaces, Messages.capture_filterAll});
        String chosen = dialog.open();
        if (chosen != null) {
            WorkspaceUi.open(Path.of(chosen), context);
        }
    }
}
