package io.egress.ui.internal.connections;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.TreeColumn;

import io.egress.core.conversations.HostGroups;
import io.egress.core.conversations.HostGroups.Destination;
import io.egress.core.conversations.HostGroups.Host;
import io.egress.ui.internal.Messages;

/**
 * The connections view's tree for a capture: local hosts (captures have no processes) and the
 * destinations each talked to, aggregated over flows.
 */
final class CaptureHostsTree {
    private final TreeViewer viewer;
    private List<Host> hosts = List.of();

    CaptureHostsTree(Composite parent, Consumer<String> openAddress) {
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        String[] headers = {Messages.hosts_host, Messages.hosts_proto, Messages.hosts_ports, Messages.column_remoteClass,
                Messages.hosts_flows, Messages.conv_packetsOut, Messages.conv_packetsIn, Messages.conv_bytesOut, Messages.conv_bytesIn,
                Messages.conv_names};
        int[] widths = {260, 60, 120, 100, 60, 85, 85, 95, 95, 260};
        for (int i = 0; i < headers.length; i++) {
            TreeColumn c = new TreeColumn(viewer.getTree(), SWT.LEFT);
            c.setText(headers[i]);
            c.setWidth(widths[i]);
        }
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return hosts.toArray();
            }

            @Override
            public Object[] getChildren(Object element) {
                return element instanceof Host h ? h.destinations().toArray() : new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return element instanceof Destination d ? hostOf(d.id()).orElse(null) : null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return element instanceof Host;
            }
        });
        viewer.setLabelProvider(new Labels());
        viewer.setInput(this);
        viewer.addDoubleClickListener(e -> {
            Object o = viewer.getStructuredSelection().getFirstElement();
            if (o instanceof Destination d) {
                openAddress.accept(d.remote());
            } else if (o instanceof Host h) {
                openAddress.accept(h.address());
            }
        });
    }

    TreeViewer viewer() {
        return viewer;
    }

    /** Selects and reveals the destination with this {@link Destination#id()}, when it is shown. */
    void select(String destinationId) {
        hostOf(destinationId).ifPresent(host -> host.destinations().stream().filter(d -> d.id().equals(destinationId)).findFirst()
                .ifPresent(d -> {
                    viewer.expandToLevel(host, 1);
                    viewer.setSelection(new StructuredSelection(d), true);
                }));
    }

    private java.util.Optional<Host> hostOf(String destinationId) {
        return hosts.stream().filter(h -> h.destinations().stream().anyMatch(d -> d.id().equals(destinationId))).findFirst();
    }

    void show(List<Host> newHosts) {
        boolean first = hosts.isEmpty();
        hosts = newHosts;
        viewer.refresh();
        if (first && newHosts.size() <= 20) {
            viewer.expandAll();
        }
    }

    private static final class Labels extends LabelProvider implements ITableLabelProvider {
        @Override
        public Image getColumnImage(Object element, int column) {
            return null;
        }

        @Override
        public String getColumnText(Object element, int column) {
            if (element instanceof Host h) {
                return switch (column) {
                    case 0 -> h.address();
                    case 3 -> h.addressClass().id();
                    case 4 -> Long.toString(h.flows());
                    default -> "";
                };
            }
            Destination d = (Destination) element;
            return switch (column) {
                case 0 -> d.remote();
                case 1 -> d.protocol();
                case 2 -> d.ports();
                case 3 -> d.remoteClass().id();
                case 4 -> Integer.toString(d.flows());
                case 5 -> Long.toString(d.packetsOut());
                case 6 -> Long.toString(d.packetsIn());
                case 7 -> Long.toString(d.bytesOut());
                case 8 -> Long.toString(d.bytesIn());
                default -> d.names();
            };
        }
    }
}
