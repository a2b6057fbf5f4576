package io.egress.ui.internal.handlers;

import java.nio.file.Path;

import jakarta.inject.Named;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import io.egress.ui.internal.Messages;
import io.egress.ui.internal.workspace.WorkspaceSession;
import io.egress.ui.internal.workspace.WorkspaceUi;
import io.egress.workspace.WorkspaceStore;

/** File &gt; Save As... (Ctrl+Shift+S): to a new file, which becomes the current one. */
public final class SaveWorkspaceAsHandler {
    @CanExecute
    public boolean canExecute(WorkspaceSession session) {
        return true;
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, WorkspaceSession session, IEclipseContext context) {
        askAndSave(shell, session, context);
    }

    static void askAndSave(Shell shell, WorkspaceSession session, IEclipseContext context) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(Messages.workspace_dialogSave);
        dialog.setFilterExtensions(new String[] {"*" + WorkspaceStore.EXTENSION, "*"});
        dialog.setFilterNames(new String[] {Messages.workspace_filterWorkspaces, Messages.capture_filterAll});
        dialog.setOverwrite(true);
        session.file().ifPresent(f -> {
            dialog.setFilterPath(f.getParent() == null ? null : f.getParent().toString());
            dialog.setFileName(f.getFileName().toString());
        });
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path target = Path.of(chosen);
        String name = target.getFileName().toString();
        if (name.endsWith(WorkspaceStore.EXTENSION + WorkspaceStore.EXTENSION)) {
            // GTK's dialog adds the filter's extension to a name that already has it
            target = target.resolveSibling(name.substring(0, name.length() - WorkspaceStore.EXTENSION.length()));
        } else if (!name.contains(".")) {
            target = target.resolveSibling(name + WorkspaceStore.EXTENSION);
        }
        WorkspaceUi.save(target, context);
    }
}
