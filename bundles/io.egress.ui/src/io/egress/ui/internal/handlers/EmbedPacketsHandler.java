package io.egress.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;

import io.egress.ui.internal.workspace.WorkspaceSession;

/**
 * File &gt; Store Packets in Workspace (a check item): whether Save and Save As store the captures'
 * packets in the workspace (the command line's {@code --embed}). Remembered per workspace.
 */
public final class EmbedPacketsHandler {
    @Execute
    public void execute(MItem item, WorkspaceSession session) {
        session.setEmbedPackets(item.isSelected());
    }
}
