package io.egress.ui.internal.connections;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.viewers.ITreeContentProvider;

import io.egress.core.connections.ConnectionRow;
import io.egress.core.connections.ProcessGroup;

/** Tree content: the filtered process groups, each with its rows. Input is an {@link Input}. */
final class ConnectionsContentProvider implements ITreeContentProvider {
    private final Map<ConnectionRow, ProcessGroup> parents = new HashMap<>();

    /** The viewer's input: a stable holder whose content each refresh replaces. */
    static final class Input {
        List<ProcessGroup> groups = List.of();
    }

    @Override
    public Object[] getElements(Object input) {
        parents.clear();
        List<ProcessGroup> groups = ((Input) input).groups;
        for (ProcessGroup g : groups) {
            for (ConnectionRow r : g.rows()) {
                parents.put(r, g);
            }
        }
        return groups.toArray();
    }

    @Override
    public Object[] getChildren(Object element) {
        return element instanceof ProcessGroup g ? g.rows().toArray() : new Object[0];
    }

    @Override
    public Object getParent(Object element) {
        return element instanceof ConnectionRow r ? parents.get(r) : null;
    }

    @Override
    public boolean hasChildren(Object element) {
        return element instanceof ProcessGroup g && !g.rows().isEmpty();
    }

    /** The group a row was shown under at the last refresh. */
    ProcessGroup groupOf(ConnectionRow row) {
        return parents.get(row);
    }
}
