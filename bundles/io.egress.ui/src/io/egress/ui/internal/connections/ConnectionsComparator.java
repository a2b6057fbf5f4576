package io.egress.ui.internal.connections;

import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;

import io.egress.core.connections.ConnectionColumn;
import io.egress.core.connections.ConnectionRow;
import io.egress.core.connections.ProcessGroup;
import io.egress.core.net.AddressFacts;

/** Sorts groups and their rows by the clicked column, in the core's order for that column. */
final class ConnectionsComparator extends ViewerComparator {
    private ConnectionColumn column = ConnectionColumn.PROCESS;
    private boolean descending;
    private final AddressFacts facts;

    ConnectionsComparator(AddressFacts facts) {
        this.facts = facts;
    }

    /** Clicking the same column again reverses the order. */
    void sortBy(ConnectionColumn newColumn) {
        descending = newColumn == column && !descending;
        column = newColumn;
    }

    ConnectionColumn column() {
        return column;
    }

    boolean descending() {
        return descending;
    }

    @Override
    public int compare(Viewer viewer, Object a, Object b) {
        int c;
        if (a instanceof ProcessGroup ga && b instanceof ProcessGroup gb) {
            if (ga.rank() != gb.rank()) {
                return Integer.compare(ga.rank(), gb.rank()); // noise stays last in either direction
            }
            c = column.groupOrder().compare(ga, gb);
            if (c == 0) {
                c = ga.id().compareTo(gb.id());
            }
        } else if (a instanceof ConnectionRow ra && b instanceof ConnectionRow rb) {
            c = column.rowOrder(facts).compare(ra, rb);
        } else {
            c = 0;
        }
        return descending ? -c : c;
    }
}
