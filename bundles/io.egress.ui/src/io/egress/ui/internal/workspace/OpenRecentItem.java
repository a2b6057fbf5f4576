package io.egress.ui.internal.workspace;

import java.nio.file.Path;

import jakarta.inject.Named;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

/** One entry of File &gt; Open Recent: opens its workspace file. Stateless: the file is in the item. */
public final class OpenRecentItem {
    @Execute
    public void execute(MItem item, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IEclipseContext context, WorkspaceSession session) {
        Object file = item.getTransientData().get(RecentMenu.FILE_KEY);
        if (file instanceof String f && WorkspaceUi.confirmDiscard(shell, session)) {
            WorkspaceUi.open(Path.of(f), context);
        }
    }
}
