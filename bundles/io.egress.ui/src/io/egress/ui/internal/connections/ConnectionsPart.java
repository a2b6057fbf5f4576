package io.egress.ui.internal.connections;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.contexts.IEclipseContext;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.util.Throttler;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeColumn;

import io.egress.attribution.SocketTable;
import io.egress.capture.CaptureAnalysis;
import io.egress.core.connections.ConnectionColumn;
import io.egress.core.conversations.HostGroups;
import io.egress.core.progress.Progress;
import io.egress.core.connections.ConnectionFilter;
import io.egress.core.connections.ConnectionRow;
import io.egress.core.connections.ConnectionsTracker;
import io.egress.core.connections.ConnectionsView;
import io.egress.core.connections.ProcessGroup;
import io.egress.ui.internal.Messages;
import io.egress.ui.internal.ip.IpEditors;
import io.egress.ui.internal.session.Investigation;
import io.egress.ui.internal.session.ViewState;

/**
 * The connections view (Netiquette's job): every live socket of this machine under the process that
 * owns it, refreshed every two seconds while visible, with new rows highlighted and closed ones fading
 * out. The socket table is read by a background job; this part only renders the latest view model.
 */
public final class ConnectionsPart {
    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final Duration KEEP_CLOSED = Duration.ofSeconds(6);
    static final Duration HIGHLIGHT_NEW = Duration.ofSeconds(6);

    @Inject
    private Investigation investigation;
    /** The OSGi service (a DS component of io.egress.attribution), injected by e4. */
    @Inject
    private SocketTable socketTable;
    @Inject
    private IEclipseContext context;

    private final AtomicReference<ConnectionsView> incoming = new AtomicReference<>();
    private final AtomicReference<Throwable> incomingError = new AtomicReference<>();
    private final Set<String> knownGroups = new HashSet<>();
    private final ConnectionsContentProvider.Input input = new ConnectionsContentProvider.Input();
    private ConnectionFilter filter = ConnectionFilter.DEFAULT;
    private ConnectionsView shown;

    private TreeViewer viewer;
    private Combo source;
    private Composite stack;
    private final StackLayout stackLayout = new StackLayout();
    private CaptureHostsTree hostsTree;
    private CaptureAnalysis shownCapture;
    // identity, not equals: an analysis is a record over a lazy million-flow list
    private final java.util.Map<CaptureAnalysis, List<HostGroups.Host>> hostsCache = new java.util.IdentityHashMap<>();
    private final List<Button> liveToggles = new ArrayList<>();
    private ConnectionsContentProvider content;
    private ConnectionsComparator comparator;
    private StyledText details;
    private Label status;
    private Throttler renderThrottler;
    private ConnectionsRefresher refresher;

    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).spacing(4, 4).applyTo(parent);
        createToolbar(parent);
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        stack = new Composite(sash, SWT.NONE);
        stack.setLayout(stackLayout);
        createTree(stack);
        hostsTree = new CaptureHostsTree(stack, address -> IpEditors.open(address, context));
        stackLayout.topControl = viewer.getControl();
        details = new StyledText(sash, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        details.setMargins(6, 4, 6, 4);
        details.setText(Messages.details_none);
        sash.setWeights(75, 25);
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        // one render per burst of results, never one per refresh or per row
        renderThrottler = new Throttler(parent.getDisplay(), Duration.ofMillis(150), this::renderLatest);
        refresher = new ConnectionsRefresher(socketTable, new ConnectionsTracker(KEEP_CLOSED), INTERVAL, view -> {
            investigation.setLiveConnections(view);
            incoming.set(view);
            renderThrottler.throttledExec();
        }, error -> {
            incomingError.set(error);
            renderThrottler.throttledExec();
        });
        parent.addListener(SWT.Show, e -> refresher.setActive(stackLayout.topControl == viewer.getControl()));
        parent.addListener(SWT.Hide, e -> {
            refresher.setActive(false);
            if (!status.isDisposed()) {
                status.setText(Messages.status_paused);
            }
        });
        refresher.setActive(true);
        investigation.addListener(capturesChanged);
        updateSources(false);
    }

    private final Runnable capturesChanged = () -> {
        if (!status.isDisposed()) {
            status.getDisplay().asyncExec(() -> updateSources(true));
        }
    };

    /** Lists this machine and every open capture; a newly opened capture is shown at once. */
    private void updateSources(boolean selectNewest) {
        if (source.isDisposed()) {
            return;
        }
        List<CaptureAnalysis> captures = investigation.captures();
        String[] items = new String[captures.size() + 1];
        items[0] = Messages.source_live;
        for (int i = 0; i < captures.size(); i++) {
            items[i + 1] = NLS.bind(Messages.source_capture, captures.get(i).file().getFileName());
        }
        int selected = Math.max(0, source.getSelectionIndex());
        source.setItems(items);
        source.select(selectNewest ? items.length - 1 : Math.min(selected, items.length - 1));
        source.getParent().layout(true);
        showSource(source.getSelectionIndex());
    }

    /** 0 = this machine, live; n = the n-th open capture, grouped by local host. */
    private void showSource(int index) {
        boolean live = index <= 0;
        investigation.setViewState(ViewState.CONNECTIONS_SOURCE, ViewState.source(index - 1));
        liveToggles.forEach(b -> b.setEnabled(live));
        if (live) {
            stackLayout.topControl = viewer.getControl();
            stack.layout();
            refresher.setActive(stack.isVisible());
            render();
            return;
        }
        refresher.setActive(false);
        stackLayout.topControl = hostsTree.viewer().getControl();
        stack.layout();
        CaptureAnalysis capture = investigation.captures().get(index - 1);
        shownCapture = capture;
        List<HostGroups.Host> cached = hostsCache.get(capture);
        if (cached != null) {
            showHosts(capture, cached);
            return;
        }
        Job job = Job.create(NLS.bind(Messages.source_grouping, capture.file().getFileName()), monitor -> {
            monitor.beginTask("", 1000);
            List<HostGroups.Host> hosts = HostGroups.of(capture.flows(), new Progress() {
                private int reported;

                @Override
                public void worked(long done, long total) {
                    int now = total <= 0 ? 0 : (int) (done * 1000 / total);
                    if (now > reported) {
                        monitor.worked(now - reported);
                        reported = now;
                    }
                }

                @Override
                public boolean isCanceled() {
                    return monitor.isCanceled();
                }
            });
            monitor.done();
            if (!monitor.isCanceled()) {
                status.getDisplay().asyncExec(() -> {
                    hostsCache.put(capture, hosts);
                    showHosts(capture, hosts);
                });
            }
        });
        job.setUser(capture.flows().size() > 200_000);
        job.schedule();
    }

    private void showHosts(CaptureAnalysis capture, List<HostGroups.Host> hosts) {
        if (status.isDisposed() || capture != shownCapture || stackLayout.topControl != hostsTree.viewer().getControl()) {
            return;
        }
        List<HostGroups.Host> filtered = HostGroups.filter(hosts, filter.text());
        hostsTree.show(filtered);
        status.setText(NLS.bind(Messages.source_hostsStatus, new Object[] {filtered.size(),
                filtered.stream().mapToLong(h -> h.destinations().size()).sum(), capture.flows().size()}));
    }

    private void createToolbar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.fillDefaults().numColumns(5).spacing(12, 0).applyTo(bar);
        source = new Combo(bar, SWT.READ_ONLY);
        source.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> showSource(source.getSelectionIndex())));
        Text filterText = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filterText.setMessage(Messages.filter_hint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filterText);
        filterText.addModifyListener(e -> applyFilter(filter.withText(filterText.getText())));
        liveToggles.clear();
        toggle(bar, Messages.toggle_hideLoopback, filter.hideLoopback(), v -> applyFilter(filter.withHideLoopback(v)));
        toggle(bar, Messages.toggle_hidePrivate, filter.hidePrivate(), v -> applyFilter(filter.withHidePrivate(v)));
        toggle(bar, Messages.toggle_showListening, filter.showListening(), v -> applyFilter(filter.withShowListening(v)));
    }

    private void toggle(Composite bar, String label, boolean initial, java.util.function.Consumer<Boolean> onChange) {
        Button b = new Button(bar, SWT.CHECK);
        liveToggles.add(b);
        b.setText(label);
        b.setSelection(initial);
        b.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> onChange.accept(b.getSelection())));
    }

    private void createTree(Composite parent) {
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        viewer.setUseHashlookup(true);
        content = new ConnectionsContentProvider();
        viewer.setContentProvider(content);
        comparator = new ConnectionsComparator();
        viewer.setComparator(comparator);
        for (ConnectionColumn column : ConnectionColumn.values()) {
            TreeViewerColumn vc = new TreeViewerColumn(viewer, SWT.LEFT);
            TreeColumn tc = vc.getColumn();
            tc.setText(ConnectionColumns.header(column));
            tc.setWidth(ConnectionColumns.width(column));
            tc.setMoveable(true);
            tc.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> sortBy(column, tc)));
        }
        viewer.setLabelProvider(new ConnectionsLabelProvider(parent.getDisplay(), content, Instant::now, HIGHLIGHT_NEW, KEEP_CLOSED));
        viewer.setInput(input);
        viewer.addSelectionChangedListener(e -> showDetails());
        // double-click judges the address: the IP details editor for the remote (or bound) address
        viewer.addDoubleClickListener(e -> {
            if (viewer.getStructuredSelection().getFirstElement() instanceof ConnectionRow r) {
                IpEditors.open(io.egress.core.net.IpAddresses.format(r.judgedAddress()), context);
            }
        });
        viewer.getTree().addListener(SWT.KeyDown, e -> {
            if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'c' || e.keyCode == 'C')) {
                copySelection();
            }
        });
        MenuManager menu = new MenuManager();
        menu.add(new Action(Messages.action_copy) {
            @Override
            public void run() {
                copySelection();
            }
        });
        menu.add(new Action(Messages.action_expandAll) {
            @Override
            public void run() {
                viewer.expandAll();
            }
        });
        viewer.getTree().setMenu(menu.createContextMenu(viewer.getTree()));
    }

    private void sortBy(ConnectionColumn column, TreeColumn tc) {
        comparator.sortBy(column);
        viewer.getTree().setSortColumn(tc);
        viewer.getTree().setSortDirection(comparator.descending() ? SWT.DOWN : SWT.UP);
        viewer.refresh();
    }

    private void applyFilter(ConnectionFilter newFilter) {
        filter = newFilter;
        if (shownCapture != null && stackLayout.topControl == hostsTree.viewer().getControl()) {
            List<HostGroups.Host> cached = hostsCache.get(shownCapture);
            if (cached != null) {
                showHosts(shownCapture, cached);
            }
            return;
        }
        render();
    }

    /** Runs on the UI thread through the throttler: takes only the newest result. */
    private void renderLatest() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        Throwable error = incomingError.getAndSet(null);
        ConnectionsView view = incoming.getAndSet(null);
        if (view != null) {
            shown = view;
            render();
        }
        if (error != null && view == null) {
            status.setText(NLS.bind(Messages.status_error, error.getMessage()));
        }
    }

    private void render() {
        if (shown == null || stackLayout.topControl != viewer.getControl()) {
            return;
        }
        List<ProcessGroup> groups = shown.filtered(filter);
        viewer.getTree().setRedraw(false);
        try {
            // refresh, not setInput: equal elements (by key) keep selection, expansion and scroll position
            input.groups = groups;
            viewer.refresh();
            for (ProcessGroup g : groups) {
                // expand processes as they appear; the closing-sockets group is noise, left folded
                if (knownGroups.add(g.id()) && g.rank() < 2) {
                    viewer.setExpandedState(g, true);
                }
            }
        } finally {
            viewer.getTree().setRedraw(true);
        }
        status.setText(statusLine(groups));
        showDetails();
    }

    private String statusLine(List<ProcessGroup> groups) {
        long rows = groups.stream().mapToLong(g -> g.rows().size()).sum();
        var snap = shown.snapshot();
        StringBuilder sb = new StringBuilder(NLS.bind(Messages.status_summary,
                new Object[] {groups.size(), rows, snap.elapsed().toMillis(), snap.source()}));
        if (snap.counters().socketsUnowned() > 0) {
            sb.append(NLS.bind(Messages.status_unowned, snap.counters().socketsUnowned()));
        }
        if (!snap.problems().isEmpty()) {
            sb.append(NLS.bind(Messages.status_problem, snap.problems().get(0)));
        }
        return sb.toString();
    }

    private void showDetails() {
        IStructuredSelection sel = viewer.getStructuredSelection();
        Object first = sel.getFirstElement();
        List<ConnectionDetails.Line> lines;
        if (first instanceof ProcessGroup g) {
            lines = ConnectionDetails.of(g);
        } else if (first instanceof ConnectionRow r) {
            lines = ConnectionDetails.of(r);
        } else {
            details.setText(Messages.details_none);
            return;
        }
        StringBuilder sb = new StringBuilder();
        List<StyleRange> bold = new ArrayList<>();
        for (ConnectionDetails.Line l : lines) {
            if (!l.label().isEmpty()) {
                bold.add(new StyleRange(sb.length(), l.label().length() + 1, null, null, SWT.BOLD));
                sb.append(l.label()).append(": ");
            }
            sb.append(l.value()).append('\n');
        }
        if (!sb.toString().equals(details.getText())) {
            details.setText(sb.toString());
            details.setStyleRanges(bold.toArray(StyleRange[]::new));
        }
    }

    private void copySelection() {
        StringBuilder sb = new StringBuilder();
        for (ConnectionColumn c : ConnectionColumn.values()) {
            sb.append(c == ConnectionColumn.PROCESS ? "" : "\t").append(ConnectionColumns.header(c));
        }
        sb.append('\n');
        for (Object o : viewer.getStructuredSelection().toList()) {
            List<ConnectionRow> rows = o instanceof ProcessGroup g ? g.rows() : List.of((ConnectionRow) o);
            for (ConnectionRow r : rows) {
                ProcessGroup g = content.groupOf(r);
                for (ConnectionColumn c : ConnectionColumn.values()) {
                    sb.append(c == ConnectionColumn.PROCESS ? "" : "\t").append(g == null ? "" : c.text(g, r));
                }
                sb.append('\n');
            }
        }
        Clipboard clipboard = new Clipboard(viewer.getControl().getDisplay());
        try {
            clipboard.setContents(new Object[] {sb.toString()}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            clipboard.dispose();
        }
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        investigation.removeListener(capturesChanged);
        if (refresher != null) {
            refresher.dispose();
        }
    }

    /** For UI tests: the view model on screen. */
    public ConnectionsView shownView() {
        return shown;
    }

    /** A workspace was opened: show the source it was saved with. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void restoreSource(@org.eclipse.e4.ui.di.UIEventTopic(ViewState.RESTORED) ViewState state) {
        if (state == null || source == null || source.isDisposed()) {
            return;
        }
        int index = ViewState.sourceIndex(state.get(ViewState.CONNECTIONS_SOURCE).orElse("live")) + 1;
        if (index < source.getItemCount()) {
            source.select(index);
            showSource(index);
        }
    }

    /** For UI tests: the position chosen in the source box (0 = this machine, n = the n-th capture). */
    public int sourceIndex() {
        return source.getSelectionIndex();
    }

    /** Shows this machine's live sockets (source 0), as choosing it in the source box does. */
    public void showLiveSockets() {
        source.select(0);
        showSource(0);
    }

    /** For UI tests. */
    public TreeViewer viewer() {
        return viewer;
    }
}
