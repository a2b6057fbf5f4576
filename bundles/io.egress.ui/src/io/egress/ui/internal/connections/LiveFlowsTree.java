package io.egress.ui.internal.connections;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.TreeColumn;

import io.egress.live.LiveProcessView.Group;
import io.egress.live.LiveProcessView.Row;
import io.egress.ui.internal.Messages;

/**
 * The connections view's tree for the live capture: flows under the process that owns them (pid,
 * name, user), with bytes per second per process and per flow and how and how fast each owner was
 * found. Unattributed and pending flows are shown as such.
 */
final class LiveFlowsTree {
    static final int PROCESS = 0;
    static final int PID = 1;
    static final int USER = 2;
    static final int FROM = 3;
    static final int TO = 4;
    static final int PACKETS = 5;
    static final int BYTES = 6;
    static final int RATE = 7;
    static final int METHOD = 8;
    static final int DELAY = 9;

    private final TreeViewer viewer;
    private final Set<String> known = new HashSet<>();
    private List<Group> groups = List.of();

    LiveFlowsTree(Composite parent) {
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        viewer.setUseHashlookup(true);
        String[] headers = {Messages.live_colProcess, Messages.column_pid, Messages.column_user, Messages.live_colFrom,
            Messages.live_colTo, Messages.live_colPackets, Messages.live_colBytes, Messages.live_colRate, Messages.live_colMethod,
            Messages.live_colDelay};
        int[] widths = {290, 70, 70, 170, 170, 70, 85, 90, 125, 75};
        for (int i = 0; i < headers.length; i++) {
            TreeColumn c = new TreeColumn(viewer.getTree(), i >= PACKETS && i != METHOD ? SWT.RIGHT : SWT.LEFT);
            c.setText(headers[i]);
            c.setWidth(widths[i]);
            c.setMoveable(true);
        }
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return groups.toArray();
            }

            @Override
            public Object[] getChildren(Object element) {
                return element instanceof Group g ? g.rows().toArray() : new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return element instanceof Group g && !g.rows().isEmpty();
            }
        });
        viewer.setLabelProvider(new Labels());
        viewer.setInput(this);
    }

    TreeViewer viewer() {
        return viewer;
    }

    /** Refresh on equal elements: selection, expansion and scroll position stay; new processes open. */
    void show(List<Group> newGroups) {
        groups = newGroups;
        viewer.getTree().setRedraw(false);
        try {
            viewer.refresh();
            for (Group g : newGroups) {
                if (known.add(g.id()) && g.rows().size() <= 200) {
                    viewer.setExpandedState(g, true);
                }
            }
        } finally {
            viewer.getTree().setRedraw(true);
        }
    }

    /** Forgets which groups were opened (a new session). */
    void reset() {
        known.clear();
    }

    static String groupName(Group g) {
        return switch (g.kind()) {
            case PROCESS -> g.name().isEmpty() ? Messages.live_processUnreadable : g.name();
            case NOT_VISIBLE -> NLS.bind(Messages.live_groupNotVisible, g.user());
            case UNATTRIBUTED -> Messages.live_groupUnattributed;
            case PENDING -> Messages.live_groupPending;
        };
    }

    /** "512 B/s", "12.3 kB/s", "4.1 MB/s" (decimal units, as network tools use). */
    static String rate(double bytesPerSecond) {
        if (bytesPerSecond < 1000) {
            return NLS.bind(Messages.live_rateB, Long.toString(Math.round(bytesPerSecond)));
        }
        if (bytesPerSecond < 1_000_000) {
            return NLS.bind(Messages.live_rateKB, String.format(Locale.ROOT, "%.1f", bytesPerSecond / 1e3));
        }
        return NLS.bind(Messages.live_rateMB, String.format(Locale.ROOT, "%.1f", bytesPerSecond / 1e6));
    }

    private static final class Labels extends LabelProvider implements ITableLabelProvider {
        @Override
        public Image getColumnImage(Object element, int column) {
            return null;
        }

        @Override
        public String getColumnText(Object element, int column) {
            if (element instanceof Group g) {
                return switch (column) {
                    case PROCESS -> g.rows().size() == 1 ? NLS.bind(Messages.live_groupLabelOne, groupName(g))
                            : NLS.bind(Messages.live_groupLabel, groupName(g), g.rows().size());
                    case PID -> g.pid().isPresent() ? Long.toString(g.pid().getAsLong()) : "";
                    case USER -> g.user();
                    case BYTES -> Long.toString(g.bytes());
                    case RATE -> rate(g.bytesPerSecond());
                    default -> "";
                };
            }
            Row r = (Row) element;
            return switch (column) {
                case PROCESS -> r.protocol();
                case FROM -> r.initiator();
                case TO -> r.responder();
                case PACKETS -> Long.toString(r.packets());
                case BYTES -> Long.toString(r.bytes());
                case RATE -> rate(r.bytesPerSecond());
                case METHOD -> r.method();
                case DELAY -> r.state() == io.egress.live.OwnerState.PENDING ? ""
                        : String.format(Locale.ROOT, "%.1f", r.delay().toNanos() / 1e6);
                default -> "";
            };
        }
    }
}
