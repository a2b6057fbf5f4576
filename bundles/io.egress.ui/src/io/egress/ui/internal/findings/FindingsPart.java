package io.egress.ui.internal.findings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.util.Throttler;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.egress.capture.CaptureAnalysis;
import io.egress.detect.DetectionReport;
import io.egress.detect.DetectorFailure;
import io.egress.detect.Finding;
import io.egress.detect.Severity;
import io.egress.detect.SubScore;
import io.egress.ui.internal.Counted;
import io.egress.ui.internal.Messages;
import io.egress.ui.internal.ip.IpEditors;
import io.egress.ui.internal.session.FlowSelection;
import io.egress.ui.internal.session.Investigation;
import io.egress.ui.internal.session.SelectionTopics;

/**
 * What the detectors found in the capture opened last, sortable by severity and score; each
 * finding explains its score (sub-scores). Double-click selects the evidence in the other views
 * and opens the IP details editor of the first address.
 */
public final class FindingsPart {
    private static final String SOURCE = "findings";

    @Inject
    private Investigation investigation;
    @Inject
    private IEclipseContext context;
    @Inject
    private IEventBroker broker;

    private final Runnable changed = this::scheduleRefresh;
    private Throttler refresh;
    private Label summary;
    private TableViewer viewer;
    private Text details;
    private CaptureAnalysis shownCapture;
    private int sortColumn;
    private boolean ascending;

    private enum Column { SEVERITY, SCORE, TITLE, ADDRESSES, HOST, TECHNIQUE, DETECTOR }

    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).spacing(4, 4).applyTo(parent);
        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        viewer = new TableViewer(sash, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        String[] headers = {Messages.findings_severity, Messages.findings_score, Messages.findings_title, Messages.findings_addresses,
                Messages.findings_host, Messages.findings_technique, Messages.findings_detector};
        int[] widths = {80, 60, 420, 200, 160, 90, 160};
        for (Column c : Column.values()) {
            TableViewerColumn vc = new TableViewerColumn(viewer, SWT.LEFT);
            vc.getColumn().setText(headers[c.ordinal()]);
            vc.getColumn().setWidth(widths[c.ordinal()]);
            vc.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return text((Finding) element, c);
                }

                @Override
                public Color getForeground(Object element) {
                    Severity s = ((Finding) element).severity();
                    return c == Column.SEVERITY && s.compareTo(Severity.HIGH) >= 0 ? viewer.getControl().getDisplay().getSystemColor(SWT.COLOR_RED) : null;
                }
            });
            vc.getColumn().addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> {
                ascending = sortColumn == c.ordinal() && !ascending;
                sortColumn = c.ordinal();
                viewer.getTable().setSortColumn(vc.getColumn());
                viewer.getTable().setSortDirection(ascending ? SWT.UP : SWT.DOWN);
                viewer.refresh();
            }));
        }
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer v, Object a, Object b) {
                Finding x = (Finding) a;
                Finding y = (Finding) b;
                Column c = Column.values()[sortColumn];
                int r = switch (c) {
                    case SEVERITY -> x.severity().compareTo(y.severity()) != 0 ? x.severity().compareTo(y.severity()) : Integer.compare(x.score(), y.score());
                    case SCORE -> Integer.compare(x.score(), y.score());
                    default -> text(x, c).compareToIgnoreCase(text(y, c));
                };
                return ascending ? r : -r;
            }
        });
        details = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        details.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont()); // sub-score columns line up
        sash.setWeights(60, 40);
        viewer.addSelectionChangedListener(e -> showDetails());
        viewer.addDoubleClickListener(e -> openEvidence());
        refresh = new Throttler(parent.getDisplay(), Duration.ofMillis(150), this::refresh);
        investigation.addListener(changed);
        refresh();
    }

    private void scheduleRefresh() {
        refresh.throttledExec();
    }

    private void refresh() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        Optional<CaptureAnalysis> capture = investigation.current();
        Optional<DetectionReport> report = capture.flatMap(investigation::report);
        if (report.isEmpty()) {
            summary.setText(capture.isPresent() ? Messages.findings_running : Messages.findings_none);
            viewer.setInput(List.of());
            return;
        }
        shownCapture = capture.get();
        DetectionReport r = report.get();
        String found = Counted.of(r.findings().size(), Messages.count_findings_one, Messages.count_findings_other);
        // findings reopened from a workspace come without the run that made them: no detector count to give
        StringBuilder sb = new StringBuilder(r.durations().isEmpty()
                ? NLS.bind(Messages.findings_summarySaved, found, shownCapture.file().getFileName())
                : NLS.bind(Messages.findings_summary, new Object[] {found, shownCapture.file().getFileName(),
                    Counted.of(r.durations().size(), Messages.count_detectors_one, Messages.count_detectors_other)}));
        for (DetectorFailure f : r.failures()) {
            sb.append('\n').append(NLS.bind(Messages.findings_detectorFailed, f.toString()));
        }
        summary.setText(sb.toString());
        summary.getParent().layout(true);
        viewer.setInput(r.findings());
    }

    static String text(Finding f, Column c) {
        return switch (c) {
            case SEVERITY -> f.severity().name().toLowerCase(java.util.Locale.ROOT);
            case SCORE -> Integer.toString(f.score());
            case TITLE -> f.title();
            case ADDRESSES -> String.join(", ", f.evidence().addresses());
            case HOST -> f.evidence().process().map(p -> p.name() + " (" + p.pid() + ")").orElse(f.evidence().host());
            case TECHNIQUE -> f.technique().orElse("");
            case DETECTOR -> f.detector();
        };
    }

    private void showDetails() {
        Object o = viewer.getStructuredSelection().getFirstElement();
        if (!(o instanceof Finding f)) {
            details.setText("");
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(f.title() + "  [" + f.severity() + ", " + Messages.findings_score + " " + f.score() + "]");
        lines.add(f.explanation());
        lines.add("");
        lines.add(Messages.findings_subScores);
        for (SubScore s : f.subScores()) {
            lines.add(String.format("  %-28s %.2f  %s", s.name(), s.value(), s.detail()));
        }
        lines.add("");
        lines.add(Messages.findings_evidence + " " + Messages.findings_addresses + ": " + String.join(", ", f.evidence().addresses())
                + "; " + Messages.findings_names + ": " + String.join(", ", f.evidence().names()) + "; " + Messages.findings_flows + ": "
                + f.evidence().flows().stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "))
                + (f.evidence().flows().size() > 20 ? ", ..." : ""));
        f.technique().ifPresent(t -> lines.add("MITRE ATT&CK " + t));
        details.setText(String.join("\n", lines));
    }

    private void openEvidence() {
        Object o = viewer.getStructuredSelection().getFirstElement();
        if (!(o instanceof Finding f) || shownCapture == null) {
            return;
        }
        if (!f.evidence().flows().isEmpty()) {
            broker.post(SelectionTopics.FLOW, new FlowSelection(shownCapture, f.evidence().flows().get(0), SOURCE));
        }
        if (!f.evidence().addresses().isEmpty()) {
            IpEditors.open(f.evidence().addresses().get(0), context);
        }
    }

    /** For UI tests: the summary line above the findings (with the detectors that failed). */
    public String summaryText() {
        return summary.getText();
    }

    /** For UI tests. */
    public List<Finding> shownFindings() {
        Object input = viewer.getInput();
        return input instanceof List<?> l ? l.stream().map(Finding.class::cast).toList() : List.of();
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        investigation.removeListener(changed);
    }
}
