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
import org.eclipse.e4.ui.di.UIEventTopic;
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
import io.egress.core.connections.ConnectionFilter;
import io.egress.core.connections.ConnectionRow;
import io.egress.core.connections.ConnectionsTracker;
import io.egress.core.connections.ConnectionsView;
import io.egress.core.connections.ProcessGroup;
import io.egress.enrich.geo.GeoFactsCache;
import io.egress.enrich.geo.GeoIpService;
import io.egress.ui.internal.Counted;
import io.egress.ui.internal.Messages;
import io.egress.ui.internal.jobs.MonitorProgress;
import io.egress.ui.internal.ip.IpEditors;
import io.egress.ui.internal.session.FlowSelection;
import io.egress.ui.internal.session.Investigation;
import io.egress.ui.internal.session.SelectionTopics;
import io.egress.ui.internal.session.ViewState;
import io.egress.live.LiveProcessView;
import io.egress.live.LiveStatistics;
import io.egress.ui.internal.live.LiveCapturing;
import io.egress.ui.internal.session.SavedLiveCapture;

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
    @Inject
    private LiveCapturing capturing;

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
    /** What each item of the source box shows: MACHINE, LIVE_CAPTURE or a CaptureAnalysis. */
    private final List<Object> sources = new ArrayList<>();
    private static final Object MACHINE = "machine";
    private static final Object LIVE_CAPTURE = "live-capture";
    /** The live capture a workspace was opened with: its flows as saved, nothing captured. */
    private static final Object SAVED_LIVE = "saved-live";
    /** What the source box shows now (MACHINE, LIVE_CAPTURE, SAVED_LIVE or a capture). */
    private Object shownSource = MACHINE;
    /** The saved live capture's view, computed once per opened workspace off the UI thread. */
    private SavedLiveCapture savedViewOf;
    private LiveProcessView savedView;
    private SavedLiveCapture listedSavedLive;
    static final Duration LIVE_INTERVAL = Duration.ofMillis(500);
    private LiveFlowsTree liveTree;
    private LiveFlowsRefresher liveRefresher;
    /** Countries and networks of the remote addresses, learnt by the refresher, read by the labels. */
    private final GeoFactsCache geoFacts = new GeoFactsCache(() -> context.get(GeoIpService.class));
    private final AtomicReference<LiveFlowsRefresher.Result> liveIncoming = new AtomicReference<>();
    private LiveFlowsRefresher.Result liveShown;
    private boolean liveWasRunning;

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
        liveTree = new LiveFlowsTree(stack);
        liveTree.viewer().addSelectionChangedListener(e -> showLiveDetails());
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
            geoFacts.learn(remoteAddresses(view)); // on the refresher's thread: the labels only read
            investigation.setLiveConnections(view);
            incoming.set(view);
            renderThrottler.throttledExec();
        }, error -> {
            incomingError.set(error);
            renderThrottler.throttledExec();
        });
        // the live capture's flows: a few looks a second, coalesced the same way
        liveRefresher = new LiveFlowsRefresher(() -> capturing.session().orElse(null), capturing::running, LIVE_INTERVAL, result -> {
            liveIncoming.set(result);
            renderThrottler.throttledExec();
        }, error -> {
            incomingError.set(error);
            renderThrottler.throttledExec();
        });
        parent.addListener(SWT.Show, e -> {
            refresher.setActive(stackLayout.topControl == viewer.getControl());
            liveRefresher.setActive(stackLayout.topControl == liveTree.viewer().getControl());
        });
        parent.addListener(SWT.Hide, e -> {
            refresher.setActive(false);
            liveRefresher.setActive(false);
            if (!status.isDisposed()) {
                status.setText(Messages.status_paused);
            }
        });
        refresher.setActive(true);
        investigation.addListener(capturesChanged);
        capturing.addListener(liveChanged);
        listedCaptures = investigation.captures();
        updateSources(!listedCaptures.isEmpty()); // created after captures were opened: show the newest
    }

    /** A capture started (shown at once) or stopped (its flows stay; the source stays selectable). */
    private final Runnable liveChanged = () -> {
        if (!status.isDisposed()) {
            status.getDisplay().asyncExec(() -> {
                boolean running = capturing.running();
                boolean started = running && !liveWasRunning;
                liveWasRunning = running;
                if (started) {
                    liveTree.reset();
                    liveShown = null;
                    updateSources(false);
                    showLiveCapture();
                } else {
                    updateSources(false);
                }
            });
        }
    };

    /** The captures listed last: only a newly opened one makes the view jump to it. */
    private List<CaptureAnalysis> listedCaptures = List.of();

    private final Runnable capturesChanged = () -> {
        if (!status.isDisposed()) {
            status.getDisplay().asyncExec(() -> {
                List<CaptureAnalysis> now = investigation.captures();
                SavedLiveCapture saved = investigation.savedLive().orElse(null);
                boolean opened = now.size() > listedCaptures.size();
                if (opened || !sameCaptures(now, listedCaptures) || saved != listedSavedLive) {
                    listedCaptures = now;
                    listedSavedLive = saved;
                    updateSources(opened);
                }
            });
        }
    };

    // identity, not equals: an analysis is a record over a lazy million-flow list
    private static boolean sameCaptures(List<CaptureAnalysis> a, List<CaptureAnalysis> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Lists this machine and every open capture; a newly opened capture is shown at once. */
    private void updateSources(boolean selectNewest) {
        if (source.isDisposed()) {
            return;
        }
        Object before = source.getSelectionIndex() >= 0 && source.getSelectionIndex() < sources.size()
                ? sources.get(source.getSelectionIndex()) : MACHINE;
        sources.clear();
        List<String> items = new ArrayList<>();
        sources.add(MACHINE);
        items.add(Messages.source_live);
        if (capturing.session().isPresent()) {
            sources.add(LIVE_CAPTURE);
            String interfaces = String.join(", ", capturing.request().map(r -> r.interfaces()).orElse(List.of()));
            items.add(NLS.bind(capturing.running() ? Messages.source_liveCaptureRunning : Messages.source_liveCaptureStopped, interfaces));
        }
        investigation.savedLive().ifPresent(saved -> {
            sources.add(SAVED_LIVE);
            items.add(savedLabel(saved));
        });
        for (CaptureAnalysis c : investigation.captures()) {
            sources.add(c);
            items.add(NLS.bind(Messages.source_capture, c.file().getFileName()));
        }
        int selected = Math.max(0, indexOfSource(before));
        source.setItems(items.toArray(String[]::new));
        source.select(selectNewest ? items.size() - 1 : selected);
        source.getParent().layout(true);
        showSource(source.getSelectionIndex());
    }

    private int indexOfSource(Object key) {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i) == key) {
                return i;
            }
        }
        return -1;
    }

    /** MACHINE = this machine's sockets; LIVE_CAPTURE = the live capture's flows; else a capture, by local host. */
    private void showSource(int index) {
        Object chosen = index >= 0 && index < sources.size() ? sources.get(index) : MACHINE;
        boolean live = chosen == MACHINE;
        if ((chosen == LIVE_CAPTURE || chosen == SAVED_LIVE) && chosen != shownSource) {
            liveTree.reset(); // rows of the two are equal by flow index: never mix them
        }
        if (chosen != shownSource) {
            details.setText(Messages.details_none); // the selection was in the other source's tree
        }
        shownSource = chosen;
        // a live capture is saved with the workspace: it reopens on its saved flows
        investigation.setViewState(ViewState.CONNECTIONS_SOURCE, chosen == LIVE_CAPTURE || chosen == SAVED_LIVE ? ViewState.LIVE_CAPTURE
                : ViewState.source(chosen instanceof CaptureAnalysis c ? ViewState.indexOf(investigation.captures(), c) : -1));
        liveToggles.forEach(b -> b.setEnabled(live));
        if (live) {
            liveRefresher.setActive(false);
            stackLayout.topControl = viewer.getControl();
            stack.layout();
            refresher.setActive(stack.isVisible());
            render();
            return;
        }
        refresher.setActive(false);
        if (chosen == LIVE_CAPTURE) {
            stackLayout.topControl = liveTree.viewer().getControl();
            stack.layout();
            liveRefresher.setActive(stack.isVisible());
            renderLive();
            return;
        }
        liveRefresher.setActive(false);
        if (chosen == SAVED_LIVE) {
            stackLayout.topControl = liveTree.viewer().getControl();
            stack.layout();
            showSavedLive();
            return;
        }
        stackLayout.topControl = hostsTree.viewer().getControl();
        stack.layout();
        CaptureAnalysis capture = (CaptureAnalysis) chosen;
        shownCapture = capture;
        investigation.choose(capture); // the Conversations, Findings and Timeline views follow
        List<HostGroups.Host> cached = hostsCache.get(capture);
        if (cached != null) {
            showHosts(capture, cached);
            return;
        }
        Job job = Job.create(NLS.bind(Messages.source_grouping, capture.file().getFileName()), monitor -> {
            List<HostGroups.Host> hosts = HostGroups.of(capture.flows(), new MonitorProgress(monitor));
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
        status.setText(NLS.bind(Messages.source_hostsStatus, new Object[] {
            Counted.of(filtered.size(), Messages.count_hosts_one, Messages.count_hosts_other),
            Counted.of(filtered.stream().mapToLong(h -> h.destinations().size()).sum(), Messages.count_destinations_one,
                    Messages.count_destinations_other),
            Counted.of(capture.flows().size(), Messages.count_flows_one, Messages.count_flows_other)}));
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

    private static List<byte[]> remoteAddresses(ConnectionsView view) {
        List<byte[]> out = new ArrayList<>();
        for (ProcessGroup g : view.groups()) {
            for (ConnectionRow r : g.rows()) {
                if (r.connection().socket().hasRemote()) {
                    out.add(r.connection().socket().remoteAddress().getAddress());
                }
            }
        }
        return out;
    }

    private void createTree(Composite parent) {
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        viewer.setUseHashlookup(true);
        content = new ConnectionsContentProvider();
        viewer.setContentProvider(content);
        comparator = new ConnectionsComparator(geoFacts);
        viewer.setComparator(comparator);
        for (ConnectionColumn column : ConnectionColumn.values()) {
            TreeViewerColumn vc = new TreeViewerColumn(viewer, SWT.LEFT);
            TreeColumn tc = vc.getColumn();
            tc.setText(ConnectionColumns.header(column));
            tc.setWidth(ConnectionColumns.width(column));
            tc.setMoveable(true);
            tc.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> sortBy(column, tc)));
        }
        viewer.setLabelProvider(new ConnectionsLabelProvider(parent.getDisplay(), content, Instant::now, HIGHLIGHT_NEW, KEEP_CLOSED,
                geoFacts));
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
        if (stackLayout.topControl == liveTree.viewer().getControl()) {
            renderLive();
            return;
        }
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
        LiveFlowsRefresher.Result live = liveIncoming.getAndSet(null);
        if (live != null) {
            liveShown = live;
            renderLive();
        }
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
        List<ProcessGroup> groups = shown.filtered(filter, geoFacts);
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

    /** Groups the saved flows by owner in a job the first time; then shows them. */
    private void showSavedLive() {
        SavedLiveCapture saved = investigation.savedLive().orElse(null);
        if (saved == null) {
            return;
        }
        if (savedViewOf == saved) {
            renderLive();
            return;
        }
        liveTree.reset(); // the other saved capture's expanded rows say nothing about this one
        status.setText(NLS.bind(Messages.source_grouping, savedLabel(saved)));
        Job job = Job.create(NLS.bind(Messages.source_grouping, savedLabel(saved)), monitor -> {
            LiveProcessView view = LiveProcessView.EMPTY.next(saved.flows(), 0);
            status.getDisplay().asyncExec(() -> {
                if (!status.isDisposed()) {
                    savedViewOf = saved;
                    savedView = view;
                    renderLive();
                }
            });
        });
        job.setSystem(true);
        job.schedule();
    }

    static String savedLabel(SavedLiveCapture saved) {
        String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT)
                .withZone(java.time.ZoneId.systemDefault()).format(java.time.Instant.ofEpochMilli(saved.savedMillis()));
        return NLS.bind(Messages.source_liveCaptureSaved, saved.interfaces(), when);
    }

    /** Flows and owners of a saved live capture: a snapshot, so no packets, drops or rates. */
    static String savedStatusLine(LiveProcessView view, String label) {
        long processes = view.groups().stream().filter(g -> g.kind() == LiveProcessView.GroupKind.PROCESS).count();
        long attributed = view.groups().stream().filter(g -> g.kind() == LiveProcessView.GroupKind.PROCESS).mapToLong(g -> g.rows().size()).sum();
        long pending = view.groups().stream().filter(g -> g.kind() == LiveProcessView.GroupKind.PENDING).mapToLong(g -> g.rows().size()).sum();
        return NLS.bind(Messages.live_savedStatus, new Object[] {label, view.flows(), attributed, processes, view.flows() - attributed - pending, pending});
    }

    private void renderLive() {
        if (shownSource == SAVED_LIVE) {
            if (savedView != null && stackLayout.topControl == liveTree.viewer().getControl() && savedViewOf == investigation.savedLive().orElse(null)) {
                liveTree.show(savedView.filtered(filter.text()));
                status.setText(savedStatusLine(savedView, savedLabel(savedViewOf)));
                showLiveDetails();
            }
            return;
        }
        if (liveShown == null || stackLayout.topControl != liveTree.viewer().getControl()) {
            return;
        }
        liveTree.show(liveShown.view().filtered(filter.text(), LiveFlowsTree::groupName));
        status.setText(liveStatusLine(liveShown));
        showLiveDetails();
    }

    /** Packets, drops, attribution rate and throughput of the live capture, for its status line. */
    static String liveStatusLine(LiveFlowsRefresher.Result r) {
        LiveStatistics s = r.statistics();
        long attributed = s.byTrigger() + s.byPoll();
        StringBuilder sb = new StringBuilder(NLS.bind(Messages.live_status, new Object[] {
            r.running() ? Messages.live_running : Messages.live_stopped, s.capture().packets(), s.capture().dropped(), s.capture().flows(),
            attributed, attributed + s.unattributed(), Math.round(s.attributionRate() * 100), s.byTrigger(), s.byPoll(), s.unattributed(), s.pending(),
            LiveFlowsTree.rate(r.view().bytesPerSecond())}));
        s.capture().interfaces().stream().filter(i -> i.state() == io.egress.capture.live.InterfaceState.FAILED).findFirst()
                .ifPresent(i -> sb.append(NLS.bind(Messages.status_problem, i.describe())));
        return sb.toString();
    }

    /** Whether a lookup answered for this flow (else its delay means nothing). */
    private static boolean answered(LiveProcessView.Row r) {
        return r.state() != io.egress.live.OwnerState.PENDING
                && !(r.attribution().method() == io.egress.core.socket.AttributionMethod.NONE && r.delay().isZero());
    }

    private void showLiveDetails() {
        Object first = liveTree.viewer().getStructuredSelection().getFirstElement();
        String text;
        if (first instanceof LiveProcessView.Row r) {
            text = NLS.bind(Messages.live_details, new Object[] {r.protocol(), r.initiator(), r.responder(), r.method(),
                r.state() == io.egress.live.OwnerState.PENDING ? Messages.live_groupPending : r.attribution().method().meaning(),
                r.attribution().confidence().name().toLowerCase(java.util.Locale.ROOT),
                answered(r) ? String.format(java.util.Locale.ROOT, "%.1f", r.delay().toNanos() / 1e6) : "-", r.attribution().note()});
        } else if (first instanceof LiveProcessView.Group g) {
            text = NLS.bind(Messages.live_detailsGroup, new Object[] {LiveFlowsTree.groupName(g),
                g.pid().isPresent() ? Long.toString(g.pid().getAsLong()) : "-", g.user(), g.rows().size(), g.bytes(),
                LiveFlowsTree.rate(g.bytesPerSecond())});
            if (g.process().isPresent()) {
                io.egress.core.process.ProcessInfo p = g.process().get();
                text += NLS.bind(Messages.live_detailsProcess, new Object[] {p.exePath(), p.executable().meaning(), p.commandLine(),
                    p.parentPid() == io.egress.core.process.ProcessInfo.UNKNOWN ? "-" : Long.toString(p.parentPid())});
            }
        } else {
            text = Messages.details_none;
        }
        if (!text.equals(details.getText())) {
            details.setText(text);
        }
    }

    private String statusLine(List<ProcessGroup> groups) {
        long rows = groups.stream().mapToLong(g -> g.rows().size()).sum();
        var snap = shown.snapshot();
        StringBuilder sb = new StringBuilder(NLS.bind(Messages.status_summary,
                new Object[] {Counted.of(groups.size(), Messages.count_processes_one, Messages.count_processes_other),
                    Counted.of(rows, Messages.count_connections_one, Messages.count_connections_other), snap.elapsed().toMillis(),
                    snap.source()}));
        long notVisible = ProcessGroup.ownersNotVisible(groups); // TIME_WAIT and the like have no owner to see
        if (notVisible > 0) {
            boolean root = "root".equals(ProcessHandle.current().info().user().orElse(""));
            sb.append(NLS.bind(Messages.status_unowned, Counted.of(notVisible, Messages.count_sockets_one, Messages.count_sockets_other),
                    root ? Messages.status_unownedRoot : Messages.status_unownedUser));
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
                    sb.append(c == ConnectionColumn.PROCESS ? "" : "\t").append(g == null ? "" : c.text(g, r, geoFacts));
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
        capturing.removeListener(liveChanged);
        if (refresher != null) {
            refresher.dispose();
        }
        if (liveRefresher != null) {
            liveRefresher.dispose();
        }
    }

    /** For UI tests: the view model on screen. */
    public ConnectionsView shownView() {
        return shown;
    }

    /** A flow selected in another view (timeline, conversations, findings): select its destination here. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    public void followFlow(@UIEventTopic(SelectionTopics.FLOW) FlowSelection selection) {
        if (selection == null || hostsTree == null || hostsTree.viewer().getControl().isDisposed() || selection.capture() != shownCapture) {
            return;
        }
        hostsTree.select(HostGroups.destinationIdOf(selection.capture().flows().get(selection.flowIndex())));
    }

    /** For UI tests: the tree of a capture's hosts and their destinations. */
    public TreeViewer captureHostsViewer() {
        return hostsTree.viewer();
    }

    /** For UI tests: whether the hosts of this capture are on screen. */
    public boolean showsHostsOf(CaptureAnalysis capture) {
        return capture == shownCapture && stackLayout.topControl == hostsTree.viewer().getControl()
                && hostsTree.viewer().getTree().getItemCount() > 0;
    }

    /** A workspace was opened: show the source it was saved with. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void restoreSource(@org.eclipse.e4.ui.di.UIEventTopic(ViewState.RESTORED) ViewState state) {
        if (state == null || source == null || source.isDisposed()) {
            return;
        }
        updateSources(false); // the saved live capture, if any, is listed before it is chosen
        String saved = state.get(ViewState.CONNECTIONS_SOURCE).orElse("live");
        int capture = ViewState.sourceIndex(saved);
        List<CaptureAnalysis> captures = investigation.captures();
        int index = capture >= 0 && capture < captures.size() ? indexOfSource(captures.get(capture)) : indexOfSource(MACHINE);
        if (saved.equals(ViewState.LIVE_CAPTURE)) {
            index = indexOfSource(investigation.savedLive().isPresent() ? SAVED_LIVE : LIVE_CAPTURE);
        }
        if (index >= 0) {
            source.select(index);
            showSource(index);
        }
    }

    /** For UI tests: the position chosen in the source box (0 = this machine, then a live capture if any, then the captures). */
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

    /** Shows the live capture's flows, as choosing it in the source box does; false when there is none. */
    public boolean showLiveCapture() {
        int i = indexOfSource(LIVE_CAPTURE);
        if (i < 0) {
            return false;
        }
        source.select(i);
        showSource(i);
        return true;
    }

    /** For UI tests: chooses the source at this position, as the source box does. */
    public void showSourceForTests(int index) {
        source.select(index);
        showSource(index);
    }

    /** Shows the flows of the live capture the workspace was opened with; false when it had none. */
    public boolean showSavedLiveCapture() {
        int i = indexOfSource(SAVED_LIVE);
        if (i < 0) {
            return false;
        }
        source.select(i);
        showSource(i);
        return true;
    }

    /** For UI tests: the items of the source box. */
    public List<String> sourceItems() {
        return List.of(source.getItems());
    }

    /** For UI tests: the live capture's tree and the status line. */
    public TreeViewer liveViewer() {
        return liveTree.viewer();
    }

    public String statusText() {
        return status.getText();
    }
}
