package io.egress.ui.internal.conversations;

import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.util.Throttler;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.egress.capture.CaptureAnalysis;
import io.egress.core.conversations.ConversationColumn;
import io.egress.core.net.AddressFacts;
import io.egress.enrich.geo.GeoAddressFacts;
import io.egress.enrich.geo.GeoIpService;
import io.egress.core.conversations.ConversationIndex;
import io.egress.core.flow.Flow;
import io.egress.ui.internal.Counted;
import io.egress.ui.internal.Messages;
import io.egress.ui.internal.jobs.MonitorProgress;
import io.egress.ui.internal.ip.IpEditors;
import io.egress.ui.internal.session.FlowSelection;
import io.egress.ui.internal.session.SelectionTopics;
import io.egress.ui.internal.session.TimeRange;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import io.egress.ui.internal.session.Investigation;
import io.egress.ui.internal.widgets.WindowedTable;

/**
 * Wireshark-style Conversations for the capture opened last: one row per flow, sortable and
 * filterable, responsive with a million flows because sorting and filtering run in a job and the
 * table only reads the rows on screen.
 */
public final class ConversationsPart {
    @Inject
    private Investigation investigation;
    @Inject
    private org.eclipse.e4.core.contexts.IEclipseContext context;
    @Inject
    private IEventBroker broker;

    private static final String SOURCE = "conversations";
    private boolean following;
    private TimeRange range = TimeRange.ALL;

    private final Runnable investigationChanged = this::scheduleShowCurrent;
    private Throttler showCurrent;
    private Label summary;
    private Text filter;
    private WindowedTable table;
    private Text details;
    private CaptureAnalysis shown;
    private ConversationIndex index = ConversationIndex.all(0);
    private ConversationColumn sortColumn;
    private boolean descending;
    private IndexJob indexJob;
    /** Country and network of the shown capture's responders, once looked up (off the UI thread). */
    private AddressFacts facts = AddressFacts.NONE;
    private FactsJob factsJob;
    /** The flow to keep selected when the index is rebuilt (sorting, filtering, a restored workspace). */
    private FlowSelection wanted;

    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).spacing(4, 4).applyTo(parent);
        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Messages.conversations_filterHint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        ConversationColumn[] cols = ConversationColumn.values();
        String[] headers = new String[cols.length];
        int[] widths = new int[cols.length];
        for (int i = 0; i < cols.length; i++) {
            headers[i] = ConversationHeaders.header(cols[i]);
            widths[i] = ConversationHeaders.width(cols[i]);
        }
        table = new WindowedTable(sash, headers, widths);
        details = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        sash.setWeights(80, 20);

        showCurrent = new Throttler(parent.getDisplay(), Duration.ofMillis(100), this::showCurrent);
        filterThrottler = new Throttler(parent.getDisplay(), Duration.ofMillis(250), this::reindex);
        filter.addModifyListener(e -> filterThrottler.throttledExec());
        table.onSort(this::sortBy);
        table.onSelect(row -> {
            showDetails(row);
            if (!following && indexed != null && row < index.size()) {
                wanted = new FlowSelection(indexed, index.flowAt(row), SOURCE);
                broker.post(SelectionTopics.FLOW, new FlowSelection(indexed, index.flowAt(row), SOURCE));
            }
        });
        table.onOpen(row -> {
            if (indexed != null && row < index.size()) {
                IpEditors.open(io.egress.core.net.IpAddresses.format(indexed.flows().get(index.flowAt(row)).responder()), context);
            }
        });
        investigation.addListener(investigationChanged);
        showCurrent();
    }

    private Throttler filterThrottler;
    /** The capture the current index was built for: until a new index job ends, {@link #shown} runs ahead of it. */
    private CaptureAnalysis indexed;

    private void scheduleShowCurrent() {
        showCurrent.throttledExec();
    }

    private void showCurrent() {
        if (summary.isDisposed()) {
            return;
        }
        Optional<CaptureAnalysis> current = investigation.current();
        if (current.isEmpty()) {
            summary.setText(Messages.conversations_empty);
            if (shown != null) { // File > New: the flows of the closed capture go too
                if (indexJob != null) {
                    indexJob.cancel();
                }
                shown = null;
                indexed = null;
                index = ConversationIndex.all(0);
                table.setRows(new WindowedTable.Rows() {
                    @Override
                    public int size() {
                        return 0;
                    }

                    @Override
                    public String text(int row, int column) {
                        return "";
                    }
                });
                details.setText("");
            }
            return;
        }
        if (current.get() == shown) {
            return;
        }
        shown = current.get();
        lookUpFacts(shown);
        if (!range.isAll() && !overlapsCapture(range, shown)) {
            // a range chosen on another capture's timeline would hide every flow of this one
            range = TimeRange.ALL;
            broker.post(SelectionTopics.TIME_RANGE, TimeRange.ALL);
        }
        summary.setText(ConversationsSummary.of(shown));
        summary.getParent().layout(true);
        reindex();
    }

    private static boolean overlapsCapture(TimeRange range, CaptureAnalysis capture) {
        return capture.firstTimestamp().isEmpty() || capture.lastTimestamp().isEmpty()
                || range.overlaps(capture.firstTimestamp().get().epochNanos(), capture.lastTimestamp().get().epochNanos());
    }

    private void sortBy(int column) {
        ConversationColumn c = ConversationColumn.values()[column];
        descending = c == sortColumn && !descending;
        sortColumn = c;
        table.table().setSortColumn(table.table().getColumn(column));
        table.table().setSortDirection(descending ? SWT.DOWN : SWT.UP);
        reindex();
    }

    /** Starts a new index job; a running one is cancelled (latest wins). */
    private void reindex() {
        if (shown == null) {
            return;
        }
        if (indexJob != null) {
            indexJob.cancel();
        }
        indexJob = new IndexJob(shown, filter.getText(), range, sortColumn, descending, facts);
        indexJob.schedule();
    }

    private void apply(CaptureAnalysis analysis, ConversationIndex newIndex) {
        if (table.table().isDisposed() || analysis != shown) {
            return;
        }
        index = newIndex;
        indexed = analysis;
        long start = startNanos(analysis);
        AddressFacts shownFacts = facts;
        ConversationColumn[] cols = ConversationColumn.values();
        table.setRows(new WindowedTable.Rows() {
            @Override
            public int size() {
                return newIndex.size();
            }

            @Override
            public String text(int row, int column) {
                return cols[column].text(analysis.flows().get(newIndex.flowAt(row)), start, shownFacts);
            }
        });
        details.setText(NLS.bind(Messages.conversations_shown, newIndex.size(),
                Counted.of(analysis.flows().size(), Messages.count_flows_one, Messages.count_flows_other)));
        if (wanted != null && wanted.capture() == analysis) {
            selectFlow(wanted.flowIndex());
        }
    }

    private void selectFlow(int flowIndex) {
        int row = index.displayRowOf(flowIndex);
        if (row >= 0) {
            following = true;
            try {
                table.select(row);
            } finally {
                following = false;
            }
        }
    }

    private void showDetails(int row) {
        if (indexed == null || row < 0 || row >= index.size()) {
            return;
        }
        Flow f = indexed.flows().get(index.flowAt(row));
        details.setText(FlowDetails.describe(f, startNanos(indexed), facts));
    }

    private static long startNanos(CaptureAnalysis a) {
        return a.firstTimestamp().map(t -> t.epochNanos()).orElse(0L);
    }

    /** Another view selected a flow: select it here too, without posting back. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    public void followFlow(@UIEventTopic(SelectionTopics.FLOW) FlowSelection selection) {
        if (selection == null || SOURCE.equals(selection.source()) || table == null) {
            return;
        }
        wanted = selection; // applied now, or when the index of its capture is ready
        if (selection.capture() == indexed) {
            selectFlow(selection.flowIndex());
        }
    }

    /** The timeline chose a time range: show only the flows that overlap it. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    public void followTimeRange(@UIEventTopic(SelectionTopics.TIME_RANGE) TimeRange newRange) {
        if (newRange == null || table == null || newRange.equals(range)) {
            return;
        }
        range = newRange;
        reindex();
    }

    /** For UI tests: the displayed index and model. */
    public ConversationIndex index() {
        return index;
    }

    public WindowedTable table() {
        return table;
    }

    @Focus
    public void setFocus() {
        table.table().setFocus();
    }

    @PreDestroy
    public void dispose() {
        investigation.removeListener(investigationChanged);
        if (indexJob != null) {
            indexJob.cancel();
        }
        if (factsJob != null) {
            factsJob.cancel();
        }
    }

    /** Starts looking up the responders' countries and networks; when done the table shows them. */
    private void lookUpFacts(CaptureAnalysis analysis) {
        facts = AddressFacts.NONE;
        if (factsJob != null) {
            factsJob.cancel();
        }
        GeoIpService geo = context.get(GeoIpService.class);
        if (geo == null) {
            return;
        }
        factsJob = new FactsJob(analysis, geo);
        factsJob.schedule();
    }

    private void factsReady(CaptureAnalysis analysis, AddressFacts found) {
        if (table.table().isDisposed() || analysis != shown) {
            return;
        }
        facts = found;
        boolean needsIndex = sortColumn == ConversationColumn.DESTINATION_COUNTRY || sortColumn == ConversationColumn.DESTINATION_NETWORK
                || !filter.getText().isBlank();
        if (needsIndex) {
            reindex();
        } else if (indexed == analysis) {
            apply(analysis, index); // same rows, now with the new columns filled
        }
    }

    /** Looks up each distinct responder once in the GeoIP databases. */
    private final class FactsJob extends Job {
        private final CaptureAnalysis analysis;
        private final GeoIpService geo;

        FactsJob(CaptureAnalysis analysis, GeoIpService geo) {
            super(Messages.conversations_factsJob);
            this.analysis = analysis;
            this.geo = geo;
            setSystem(true);
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            java.util.Set<String> responders = new java.util.LinkedHashSet<>();
            for (Flow f : analysis.flows()) {
                responders.add(io.egress.core.net.IpAddresses.format(f.responder()));
            }
            GeoAddressFacts found = GeoAddressFacts.lookUp(geo, responders, new MonitorProgress(monitor));
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            table.table().getDisplay().asyncExec(() -> factsReady(analysis, found));
            return Status.OK_STATUS;
        }
    }

    /** Filters and sorts off the UI thread, then hands the index to the UI. */
    private final class IndexJob extends Job {
        private final CaptureAnalysis analysis;
        private final String text;
        private final TimeRange timeRange;
        private final ConversationColumn column;
        private final boolean desc;
        private final AddressFacts jobFacts;

        IndexJob(CaptureAnalysis analysis, String text, TimeRange timeRange, ConversationColumn column, boolean desc,
                AddressFacts jobFacts) {
            super(Messages.conversations_indexJob);
            this.analysis = analysis;
            this.text = text;
            this.timeRange = timeRange;
            this.column = column;
            this.desc = desc;
            this.jobFacts = jobFacts;
            setUser(analysis.flows().size() > 200_000);
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            ConversationIndex built = ConversationIndex.build(analysis.flows(), startNanos(analysis), text, timeRange.startNanos(), timeRange.endNanos(), column, desc,
                    jobFacts, new MonitorProgress(monitor));
            monitor.done();
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            table.table().getDisplay().asyncExec(() -> apply(analysis, built));
            return Status.OK_STATUS;
        }
    }
}
