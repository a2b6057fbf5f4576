package io.egress.ui.internal.connections;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.eclipse.jface.viewers.ITableColorProvider;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

import io.egress.core.connections.ConnectionColumn;
import io.egress.core.connections.ConnectionRow;
import io.egress.core.connections.ProcessGroup;
import io.egress.core.net.AddressClass;
import io.egress.core.net.AddressFacts;
import io.egress.ui.internal.Counted;
import io.egress.ui.internal.Messages;

/**
 * Text from the core's columns; colours say what changed: new connections green, closed ones red
 * fading to the background over the time they stay listed (TCPView's convention), public remote
 * classes in a stronger colour because those are the ones to judge.
 */
final class ConnectionsLabelProvider extends LabelProvider implements ITableLabelProvider, ITableColorProvider {
    private static final RGB NEW = new RGB(0xc8, 0xf0, 0xc8);
    private static final RGB CLOSED = new RGB(0xf4, 0xc0, 0xc0);
    private static final RGB WHITE = new RGB(0xff, 0xff, 0xff);

    private final ConnectionsContentProvider content;
    private final Supplier<Instant> now;
    private final Duration highlightNew;
    private final Duration keepClosed;
    private final Display display;
    private final AddressFacts facts;

    ConnectionsLabelProvider(Display display, ConnectionsContentProvider content, Supplier<Instant> now,
            Duration highlightNew, Duration keepClosed, AddressFacts facts) {
        this.display = display;
        this.facts = facts;
        this.content = content;
        this.now = now;
        this.highlightNew = highlightNew;
        this.keepClosed = keepClosed;
    }

    @Override
    public Image getColumnImage(Object element, int columnIndex) {
        return null;
    }

    @Override
    public String getColumnText(Object element, int columnIndex) {
        ConnectionColumn column = ConnectionColumn.values()[columnIndex];
        if (element instanceof ProcessGroup g) {
            return groupText(g, column);
        }
        ConnectionRow row = (ConnectionRow) element;
        ProcessGroup g = content.groupOf(row);
        if (column == ConnectionColumn.PROCESS || g == null) {
            return "";
        }
        return column.text(g, row, facts);
    }

    private static String groupText(ProcessGroup g, ConnectionColumn column) {
        return switch (column) {
            case PROCESS -> g.label();
            case PID -> g.process().map(p -> Long.toString(p.pid())).orElse("");
            case USER -> g.process().map(p -> p.user())
                    .orElse(g.uid() >= 0 && !g.id().equals(ProcessGroup.NO_PROCESS_ID) ? Integer.toString(g.uid()) : "");
            case REMOTE -> NLS.bind(Messages.group_connections,
                    Counted.of(g.openCount(), Messages.count_connections_one, Messages.count_connections_other));
            case REMOTE_CLASS -> publicCount(g);
            default -> "";
        };
    }

    private static String publicCount(ProcessGroup g) {
        long n = g.rows().stream().filter(r -> !r.isClosed() && r.remoteClass() == AddressClass.PUBLIC).count();
        return n == 0 ? "" : n + " " + AddressClass.PUBLIC.id();
    }

    @Override
    public Color getForeground(Object element, int columnIndex) {
        if (element instanceof ConnectionRow row && ConnectionColumn.values()[columnIndex] == ConnectionColumn.REMOTE_CLASS
                && row.remoteClass() == AddressClass.PUBLIC) {
            return display.getSystemColor(org.eclipse.swt.SWT.COLOR_DARK_BLUE);
        }
        if (element instanceof ConnectionRow row && row.isClosed()) {
            return display.getSystemColor(org.eclipse.swt.SWT.COLOR_DARK_GRAY);
        }
        return null;
    }

    @Override
    public Color getBackground(Object element, int columnIndex) {
        if (!(element instanceof ConnectionRow row)) {
            return null;
        }
        Instant t = now.get();
        if (row.closedAt().isPresent()) {
            double age = fraction(Duration.between(row.closedAt().get(), t), keepClosed);
            return color(blend(CLOSED, WHITE, age));
        }
        if (!row.firstSeen().equals(Instant.MIN)) {
            Duration age = Duration.between(row.firstSeen(), t);
            if (age.compareTo(highlightNew) < 0) {
                return color(blend(NEW, WHITE, fraction(age, highlightNew)));
            }
        }
        return null;
    }

    private static double fraction(Duration part, Duration whole) {
        return Math.max(0, Math.min(1, (double) part.toMillis() / Math.max(1, whole.toMillis())));
    }

    private static RGB blend(RGB from, RGB to, double f) {
        return new RGB((int) (from.red + (to.red - from.red) * f), (int) (from.green + (to.green - from.green) * f),
                (int) (from.blue + (to.blue - from.blue) * f));
    }

    /** SWT colours need no disposal since 3.118; one object per distinct shade is cheap. */
    private Color color(RGB rgb) {
        return new Color(display, rgb);
    }
}
