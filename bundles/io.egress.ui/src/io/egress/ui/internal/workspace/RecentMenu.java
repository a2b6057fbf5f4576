package io.egress.ui.internal.workspace;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.ui.di.AboutToShow;
import org.eclipse.e4.ui.model.application.ui.menu.MDirectMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.osgi.util.NLS;

import io.egress.ui.internal.Messages;

/** File &gt; Open Recent: the workspaces saved or opened last, newest first. */
public final class RecentMenu {
    static final String FILE_KEY = "io.egress.ui.workspace.file";

    @AboutToShow
    public void aboutToShow(List<MMenuElement> items, EModelService models, WorkspaceSession session) {
        List<Path> files = session.recent().files();
        if (files.isEmpty()) {
            MDirectMenuItem none = models.createModelElement(MDirectMenuItem.class);
            none.setLabel(Messages.workspace_recentNone);
            none.setEnabled(false);
            none.setContributionURI("bundleclass://io.egress.ui/" + OpenRecentItem.class.getName());
            items.add(none);
            return;
        }
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            MDirectMenuItem item = models.createModelElement(MDirectMenuItem.class);
            item.setElementId("io.egress.ui.menu.file.recent." + i);
            item.setLabel(NLS.bind(Messages.workspace_recentItem, new Object[] {i + 1, f.getFileName(), f.getParent()}));
            item.setTooltip(f.toString());
            item.setContributionURI("bundleclass://io.egress.ui/" + OpenRecentItem.class.getName());
            item.getTransientData().put(FILE_KEY, f.toString());
            items.add(item);
        }
    }
}
