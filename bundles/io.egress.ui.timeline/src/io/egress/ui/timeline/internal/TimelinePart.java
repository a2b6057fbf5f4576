package io.egress.ui.timeline.internal;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.util.Throttler;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

import io.egress.capture.CaptureAnalysis;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowName;
import io.egress.core.progress.Progress;
import io.egress.core.timeline.FlowActivity;
import io.egress.core.timeline.IntervalPicture;
import io.egress.core.timeline.RowKey;
import io.egress.core.timeline.RowKeys;
import io.egress.detect.DetectionReport;
import io.egress.detect.capture.FindingMarkers;
import io.egress.core.timeline.TimeWindow;
import io.egress.core.timeline.TimelineModel;
import io.egress.core.timeline.TimelineRow;
import io.egress.ui.internal.ip.IpEditors;
import io.egress.ui.internal.session.FlowSelection;
import io.egress.ui.internal.session.Investigation;
import io.egress.ui.internal.session.SelectionTopics;
import io.egress.ui.internal.session.TimeRange;
import io.egress.ui.internal.session.ViewState;

/**
 * The flow timeline of the capture opened last: a {@link TimelineCanvas} with its toolbar and the
 * interval picture of the selected destination. Linked to the other views through the event
 * broker: a flow selected here is posted on {@link SelectionTopics#FLOW}, a flow posted by another
 * view is revealed here, and a time range selected here filters the others.
 */
public final class TimelinePart {
    /** The {@link FlowSelection#source()} and {@link TimeRange#source()} of this view's posts. */
    public static final String SOURCE = "timeline";

    @Inject
    private Investigation investigation;
    @Inject
    private IEventBroker broker;
    @Inject
    private IEclipseContext context;

    /** Offline captures: one row per initiating host. */
    private static final RowKeys ROWS = RowKeys.byInitiatorHost();
    private final Runnable investigationChanged = this::scheduleShowCurrent;
    private Throttler showCurrent;
    private TimelineCanvas timeline;
    private IntervalPanel intervals;
    private Label status;
    private CaptureAnalysis shown;
    private CaptureAnalysis building;
    /** The findings whose markers are drawn, so that they are not rebuilt on every change. */
    private DetectionReport markedReport;
    private Job buildJob;
    private Job intervalJob;
    private FlowSelection pending;
    /** A range chosen elsewhere (a restored workspace) before the model was built; null: none. */
    private TimeRange pendingRange;
    private boolean followingRange;
    /** A visible window from a restored workspace, {capture, start, end}, applied once that capture is shown; null: none. */
    private long[] pendingWindow;
    private final ZoneId zone = ZoneId.systemDefault();

    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
        createToolBar(parent);
        // the interval picture beside the graph, so the graph keeps the part's full height
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        timeline = new TimelineCanvas(sash);
        intervals = new IntervalPanel(sash);
        sash.setWeights(74, 26);
        status = new Label(parent, SWT.NONE);
        status.setText(Messages.empty);
        GridDataFactory.fillDefaults().grab(true, false).indent(4, 0).applyTo(status);

        timeline.setZone(zone);
        timeline.onFlowSelected(this::flowSelectedHere);
        timeline.onRowSelected(this::showIntervals);
        timeline.onOpen(this::openAddress);
        timeline.onRange(this::rangeSelected);
        timeline.onWindow(this::windowChanged);
        showCurrent = new Throttler(parent.getDisplay(), Duration.ofMillis(100), this::showCurrent);
        investigation.addListener(investigationChanged);
        showCurrent();
    }

    private void createToolBar(Composite parent) {
        ToolBar bar = new ToolBar(parent, SWT.FLAT | SWT.RIGHT);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        item(bar, Messages.action_zoomIn, Messages.tip_zoomIn, () -> timeline.zoomIn());
        new ToolItem(bar, SWT.SEPARATOR);
        item(bar, Messages.action_zoomOut, Messages.tip_zoomOut, () -> timeline.zoomOut());
        new ToolItem(bar, SWT.SEPARATOR);
        item(bar, Messages.action_showAll, Messages.tip_showAll, () -> timeline.showAll());
        new ToolItem(bar, SWT.SEPARATOR);
        item(bar, Messages.action_zoomToSelection, Messages.tip_zoomToSelection, () -> timeline.zoomToSelection());
        new ToolItem(bar, SWT.SEPARATOR);
        ToolItem relative = new ToolItem(bar, SWT.CHECK);
        relative.setText(Messages.action_relative);
        relative.setToolTipText(Messages.tip_relative);
        relative.addListener(SWT.Selection, e -> timeline.setRelativeTime(relative.getSelection()));
        new ToolItem(bar, SWT.SEPARATOR);
        item(bar, Messages.action_clearRange, Messages.tip_clearRange, () -> timeline.setRange(null));
        new ToolItem(bar, SWT.SEPARATOR);
        item(bar, Messages.action_exportPng, Messages.tip_exportPng, this::exportPng);
    }

    private static void item(ToolBar bar, String text, String tip, Runnable action) {
        ToolItem item = new ToolItem(bar, SWT.PUSH);
        item.setText(text);
        item.setToolTipText(tip);
        item.addListener(SWT.Selection, e -> action.run());
    }

    // ---- the capture shown

    private void scheduleShowCurrent() {
        showCurrent.throttledExec();
    }

    private void showCurrent() {
        Optional<CaptureAnalysis> current = investigation.current();
        if (!timeline.control().isDisposed() && current.isEmpty() && (shown != null || building != null)) {
            // File > New: nothing to show any more
            if (buildJob != null) {
                buildJob.cancel();
            }
            shown = null;
            building = null;
            pending = null;
            markedReport = null;
            timeline.setModel(TimelineModel.empty());
            intervals.show("", null);
            status.setText(Messages.empty);
            return;
        }
        if (!timeline.control().isDisposed() && current.isPresent() && current.get() == shown) {
            showFindings(); // the detectors may have finished since the model was built
            return;
        }
        if (timeline.control().isDisposed() || current.isEmpty() || current.get() == building) {
            return;
        }
        building = current.get();
        status.setText(NLS.bind(Messages.building, building.flows().size()));
        if (buildJob != null) {
            buildJob.cancel();
        }
        buildJob = new BuildJob(building);
        buildJob.schedule();
    }

    private void apply(CaptureAnalysis capture, TimelineModel model) {
        if (timeline.control().isDisposed() || capture != building) {
            return;
        }
        shown = capture;
        building = null;
        timeline.setLabels(this::label);
        timeline.setModel(model);
        markedReport = null;
        showFindings();
        intervals.show("", null);
        status.setText(Messages.status_hint);
        if (pending != null && pending.capture() == capture) {
            timeline.reveal(pending.flowIndex());
            showIntervals(timeline.selectedRow());
        }
        pending = null;
        if (pendingRange != null) {
            showRange(pendingRange);
            pendingRange = null;
        }
        applyPendingWindow();
    }

    // ---- zoom saved with the workspace

    /** Every zoom and pan is kept in the view state as {@code CAPTURE:START:END}, so a saved workspace reopens on it. */
    private void windowChanged(TimeWindow window) {
        int capture = shown == null ? -1 : ViewState.indexOf(investigation.captures(), shown);
        if (capture >= 0) {
            investigation.setViewState(ViewState.TIMELINE_WINDOW, capture + ":" + window.startNanos() + ":" + window.endNanos());
        }
    }

    /** A workspace was opened: its timeline window is shown once its capture is. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void restored(@UIEventTopic(ViewState.RESTORED) ViewState state) {
        if (state == null || timeline == null || timeline.control().isDisposed()) {
            return;
        }
        pendingWindow = ViewState.window(state.get(ViewState.TIMELINE_WINDOW).orElse("")).orElse(null);
        if (building == null) {
            applyPendingWindow();
        }
    }

    private void applyPendingWindow() {
        if (pendingWindow == null || shown == null) {
            return;
        }
        if (ViewState.indexOf(investigation.captures(), shown) == pendingWindow[0]) {
            timeline.setWindow(new TimeWindow(pendingWindow[1], pendingWindow[2]));
            pendingWindow = null;
        }
    }

    /**
     * Once the detectors ran on the shown capture: a marker for each finding, and packets drawn in
     * the bursts their pass recorded.
     */
    private void showFindings() {
        Optional<DetectionReport> report = investigation.report(shown);
        if (report.isEmpty() || report.get() == markedReport) {
            return;
        }
        markedReport = report.get();
        timeline.setMarkers(FindingMarkers.of(markedReport.findings(), shown.flows(), ROWS));
        timeline.setActivity(investigation.activity(shown));
    }

    // ---- links with the other views

    private void flowSelectedHere(int flowIndex) {
        if (shown != null) {
            broker.post(SelectionTopics.FLOW, new FlowSelection(shown, flowIndex, SOURCE));
            showIntervals(timeline.selectedRow());
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void flowSelectedElsewhere(@UIEventTopic(SelectionTopics.FLOW) FlowSelection selection) {
        if (selection == null || SOURCE.equals(selection.source()) || timeline == null || timeline.control().isDisposed()) {
            return;
        }
        if (selection.capture() != shown) {
            pending = selection; // its model is still being built
            return;
        }
        timeline.reveal(selection.flowIndex());
        showIntervals(timeline.selectedRow());
    }

    /** Another view (a restored workspace) chose a time range: show it here, without posting it back. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void rangeSelectedElsewhere(@UIEventTopic(SelectionTopics.TIME_RANGE) TimeRange range) {
        if (range == null || SOURCE.equals(range.source()) || timeline == null || timeline.control().isDisposed()) {
            return;
        }
        if (shown == null || building != null || investigation.current().orElse(null) != shown) {
            pendingRange = range; // for the capture about to be shown
            return;
        }
        showRange(range);
    }

    private void showRange(TimeRange range) {
        followingRange = true;
        try {
            timeline.setRange(range.isAll() ? null : new long[] { range.startNanos(), range.endNanos() });
        } finally {
            followingRange = false;
        }
    }

    private void rangeSelected(long[] range) {
        if (followingRange) {
            if (range != null) {
                status.setText(NLS.bind(Messages.status_range, new Object[] { time(range[0]), time(range[1]), Durations.format(range[1] - range[0]) }));
            }
            return;
        }
        if (range == null) {
            broker.post(SelectionTopics.TIME_RANGE, TimeRange.ALL);
            status.setText(Messages.status_hint);
            return;
        }
        broker.post(SelectionTopics.TIME_RANGE, new TimeRange(range[0], range[1], SOURCE));
        status.setText(NLS.bind(Messages.status_range, new Object[] { time(range[0]), time(range[1]), Durations.format(range[1] - range[0]) }));
    }

    private void openAddress(TimelineRow row) {
        if (row.destination() != null) {
            IpEditors.open(row.destination().address(), context);
        } else if (row.owner().kind() == RowKey.Kind.HOST) {
            IpEditors.open(row.owner().id(), context);
        }
    }

    // ---- interval picture

    private void showIntervals(TimelineRow row) {
        TimelineRow destination = row == null ? null : row.level() == TimelineRow.Level.FLOW ? row.parent() : row;
        if (destination == null || destination.level() != TimelineRow.Level.DESTINATION) {
            intervals.show("", null);
            return;
        }
        if (intervalJob != null) {
            intervalJob.cancel();
        }
        String label = destination.destination().label();
        FlowActivity activity = timeline.model().activity();
        intervalJob = Job.create(Messages.job_intervals, monitor -> {
            IntervalPicture picture = IntervalPicture.of(destination.intervals(), activity);
            if (!monitor.isCanceled()) {
                timeline.control().getDisplay().asyncExec(() -> {
                    if (!intervals.control().isDisposed()) {
                        intervals.show(label, picture);
                    }
                });
            }
        });
        intervalJob.setSystem(true);
        intervalJob.schedule();
    }

    // ---- labels

    private String label(TimelineRow row) {
        return switch (row.level()) {
            case OWNER -> MessageFormat.format(Messages.owner_label, row.owner().label(), row.intervals().size());
            case DESTINATION -> NLS.bind(Messages.destination_label, destinationText(row), row.intervals().size());
            case FLOW -> flowText(row.flowIndex());
        };
    }

    private String destinationText(TimelineRow row) {
        Flow first = shown.flows().get(row.intervals().flowIndex(0));
        String names = first.names().stream().map(FlowName::name).distinct().limit(2).reduce((a, b) -> a + ", " + b).orElse("");
        return names.isEmpty() ? row.destination().label() : row.destination().label() + "  " + names;
    }

    private String flowText(int flowIndex) {
        Flow f = shown.flows().get(flowIndex);
        return NLS.bind(Messages.flow_label, new Object[] { f.initiatorPort(), time(f.firstNanos()), f.packets() });
    }

    private String time(long nanos) {
        return DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(zone)
                .format(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)));
    }

    // ---- export

    private void exportPng() {
        FileDialog dialog = new FileDialog(timeline.control().getShell(), SWT.SAVE);
        dialog.setText(Messages.export_title);
        dialog.setFilterExtensions(new String[] { "*.png" });
        dialog.setFileName("timeline.png");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file == null) {
            return;
        }
        try {
            PngExport.save(timeline, file);
        } catch (RuntimeException e) {
            status.setText(NLS.bind(Messages.export_failed, file, e.getMessage()));
        }
    }

    // ---- for tests

    public TimelineCanvas timeline() {
        return timeline;
    }

    public IntervalPanel intervals() {
        return intervals;
    }

    public CaptureAnalysis shown() {
        return shown;
    }

    @Focus
    public void setFocus() {
        timeline.setFocus();
    }

    @PreDestroy
    public void dispose() {
        investigation.removeListener(investigationChanged);
        if (buildJob != null) {
            buildJob.cancel();
        }
        if (intervalJob != null) {
            intervalJob.cancel();
        }
    }

    /** Groups the capture's flows off the UI thread, then hands the model to the canvas. */
    private final class BuildJob extends Job {
        private final CaptureAnalysis capture;

        BuildJob(CaptureAnalysis capture) {
            super(Messages.job_build);
            this.capture = capture;
            setUser(capture.flows().size() > 200_000);
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            monitor.beginTask(getName(), 1000);
            TimelineModel model = TimelineModel.build(capture.flows(), ROWS, new Progress() {
                private int reported;

                @Override
                public void worked(long done, long total) {
                    int now = total <= 0 ? 0 : (int) (done * 1000 / total);
                    monitor.worked(now - reported);
                    reported = now;
                }

                @Override
                public boolean isCanceled() {
                    return monitor.isCanceled();
                }
            });
            monitor.done();
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            timeline.control().getDisplay().asyncExec(() -> apply(capture, model));
            return Status.OK_STATUS;
        }
    }
}
