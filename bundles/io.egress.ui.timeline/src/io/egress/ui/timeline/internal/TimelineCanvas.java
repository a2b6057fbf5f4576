package io.egress.ui.timeline.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.eclipse.jface.util.Throttler;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;

import io.egress.core.timeline.Buckets;
import io.egress.core.timeline.FlowActivity;
import io.egress.core.timeline.TimeWindow;
import io.egress.core.timeline.TimelineMarker;
import io.egress.core.timeline.TimelineModel;
import io.egress.core.timeline.TimelineRow;

/**
 * The time graph widget: rows of a {@link TimelineModel} against a zoomable time axis. Holds the
 * view state (window, expanded lines, selection); painting reads only cached buckets, which a
 * {@link BucketCache} computes in the background; redraws are coalesced to one pending at most.
 * Works in any SWT shell (the repaint benchmark runs it outside the workbench).
 */
public final class TimelineCanvas {
    static final double ZOOM_STEP = 0.5;
    static final double WHEEL_STEP = 0.8;

    private final Canvas canvas;
    private final TimelinePainter painter;
    private final BucketCache cache;
    private final Throttler redraw;
    private final Set<TimelineRow> expanded = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<TimelineRow, String> labelCache = new IdentityHashMap<>();
    private final TimelineInput input = new TimelineInput(this);
    private TimelineModel model = TimelineModel.empty();
    private TimeWindow window = model.extent();
    private List<TimelineRow> lines = List.of();
    private int topLine;
    private TimelineRow selectedRow;
    private int selectedFlow = -1;
    private long[] range;
    private boolean relative;
    private ZoneId zone = ZoneId.systemDefault();
    private BucketCache.Zoom lastComplete;
    private long paints;
    private long lastPaintNanos;
    private Function<TimelineRow, String> labels = TimelineRow::toString;
    private IntConsumer onFlowSelected = f -> { };
    private Consumer<TimelineRow> onRowSelected = r -> { };
    private Consumer<TimelineRow> onOpen = r -> { };
    private Consumer<long[]> onRange = r -> { };
    private Consumer<TimeWindow> onWindow = w -> { };

    public TimelineCanvas(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND | SWT.V_SCROLL);
        painter = new TimelinePainter(parent.getDisplay());
        redraw = new Throttler(parent.getDisplay(), Duration.ofMillis(15), () -> {
            if (!canvas.isDisposed()) {
                canvas.redraw();
            }
        });
        cache = new BucketCache(redraw::throttledExec);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Resize, e -> linesChanged());
        canvas.getVerticalBar().addListener(SWT.Selection, e -> {
            topLine = canvas.getVerticalBar().getSelection();
            requestRedraw();
        });
        input.attach(canvas);
        canvas.addListener(SWT.Dispose, e -> {
            cache.dispose();
            painter.dispose();
        });
    }

    public Canvas control() {
        return canvas;
    }

    // ---- model and view state

    /** Shows a new model: everything collapsed, the whole extent visible, no selection. */
    public void setModel(TimelineModel newModel) {
        model = newModel;
        cache.clear();
        lastComplete = null;
        labelCache.clear();
        expanded.clear();
        selectedRow = null;
        selectedFlow = -1;
        range = null;
        topLine = 0;
        window = model.extent();
        linesChanged();
    }

    /** Draws packets where their bursts were, keeping zoom, selection and expanded rows. */
    public void setActivity(FlowActivity activity) {
        model = model.withActivity(activity);
        cache.clear();
        lastComplete = null;
        requestRedraw();
    }

    /** Replaces the markers without touching zoom, selection or expanded rows. */
    public void setMarkers(List<TimelineMarker> markers) {
        model = model.withMarkers(markers);
        requestRedraw();
    }

    public TimelineModel model() {
        return model;
    }

    public TimeWindow window() {
        return window;
    }

    public List<TimelineRow> lines() {
        return lines;
    }

    public int topLine() {
        return topLine;
    }

    public int graphWidth() {
        return Geometry.graphWidth(canvas.getClientArea().width);
    }

    /** The canvas x of a time (label column included). */
    public int xOf(long nanos) {
        return Geometry.LABEL_WIDTH + window.pixelOf(nanos, graphWidth());
    }

    public int selectedFlow() {
        return selectedFlow;
    }

    public TimelineRow selectedRow() {
        return selectedRow;
    }

    /** The buckets of a line at the current zoom, or null while they are computed. */
    public Buckets currentBuckets(TimelineRow row) {
        return cache.get(zoom(), row);
    }

    /** Whether all lines on screen have buckets for the current zoom (tests and the benchmark wait for it). */
    public boolean isSettled() {
        return cache.has(zoom(), visibleLines());
    }

    public void setLabels(Function<TimelineRow, String> labelProvider) {
        labels = labelProvider;
        labelCache.clear();
        requestRedraw();
    }

    public void setRelativeTime(boolean on) {
        relative = on;
        requestRedraw();
    }

    public void setZone(ZoneId newZone) {
        zone = newZone;
        requestRedraw();
    }

    public void onFlowSelected(IntConsumer listener) {
        onFlowSelected = listener;
    }

    public void onRowSelected(Consumer<TimelineRow> listener) {
        onRowSelected = listener;
    }

    public void onOpen(Consumer<TimelineRow> listener) {
        onOpen = listener;
    }

    /** Called with {start, end} when the analyst selects a time range, null when it is cleared. */
    public void onRange(Consumer<long[]> listener) {
        onRange = listener;
    }

    /** Called with the visible window after every zoom, pan or jump (not when a new model resets it). */
    public void onWindow(Consumer<TimeWindow> listener) {
        onWindow = listener;
    }

    // ---- navigation

    public void setWindow(TimeWindow newWindow) {
        TimeWindow extent = model.extent();
        long margin = extent.span() / 20;
        window = newWindow.clampTo(extent.startNanos() - margin, extent.endNanos() + margin);
        requestRedraw();
        onWindow.accept(window);
    }

    /** Zooms around a time that stays in place. */
    public void zoom(long anchorNanos, double factor) {
        setWindow(window.zoom(anchorNanos, factor));
    }

    /** Zooms around the selected flow when it is on screen (so it stays there), else the middle. */
    public void zoomIn() {
        zoom(zoomAnchor(), ZOOM_STEP);
    }

    public void zoomOut() {
        zoom(zoomAnchor(), 1 / ZOOM_STEP);
    }

    long zoomAnchor() {
        long[] span = selectedSpan();
        if (span != null && window.overlaps(span[0], span[1])) {
            long mid = span[0] + (span[1] - span[0]) / 2;
            return Math.max(window.startNanos(), Math.min(window.endNanos() - 1, mid));
        }
        return window.startNanos() + window.span() / 2;
    }

    public void showAll() {
        setWindow(model.extent());
    }

    /** To the selected time range, else the selected flow. */
    public void zoomToSelection() {
        long[] span = range != null ? range : selectedSpan();
        if (span != null) {
            setWindow(TimeWindow.around(span[0], span[1]));
        }
    }

    // ---- selection

    /** Selects a flow as if clicked: reveals it and tells the listener. */
    public void selectFlow(int flowIndex) {
        if (reveal(flowIndex)) {
            onFlowSelected.accept(flowIndex);
        }
    }

    /** Selects a flow without telling the listener (another view selected it): expands and scrolls to it. */
    public boolean reveal(int flowIndex) {
        return model.flowLine(flowIndex).map(line -> {
            expanded.add(line.parent());
            expanded.add(line.parent().parent());
            linesChanged();
            selectedRow = line;
            selectedFlow = flowIndex;
            scrollToLine(lines.indexOf(line));
            setWindow(window.reveal(line.intervals().first(0), line.intervals().last(0)));
            return true;
        }).orElse(false);
    }

    void selectLine(TimelineRow row, int flowIndex) {
        selectedRow = row;
        selectedFlow = flowIndex;
        scrollToLine(lines.indexOf(row));
        requestRedraw();
        onRowSelected.accept(row);
        if (flowIndex >= 0) {
            onFlowSelected.accept(flowIndex);
        }
    }

    void open(TimelineRow row) {
        onOpen.accept(row);
    }

    long[] selectedSpan() {
        if (selectedFlow < 0) {
            return null;
        }
        return model.destinationOf(selectedFlow).map(d -> {
            int p = d.intervals().positionOf(selectedFlow);
            return new long[] { d.intervals().first(p), d.intervals().last(p) };
        }).orElse(null);
    }

    public long[] range() {
        return range;
    }

    /** Sets (or with null clears) the time range that filters the other views. */
    public void setRange(long[] newRange) {
        range = newRange;
        requestRedraw();
        onRange.accept(newRange);
    }

    // ---- lines

    public void toggle(TimelineRow row) {
        if (!row.expandable()) {
            return;
        }
        if (!expanded.remove(row)) {
            expanded.add(row);
        }
        linesChanged();
    }

    public boolean isExpanded(TimelineRow row) {
        return expanded.contains(row);
    }

    /** The line at a canvas y, or -1. */
    int lineAt(int y) {
        if (y < Geometry.AXIS_HEIGHT) {
            return -1;
        }
        int line = topLine + (y - Geometry.AXIS_HEIGHT) / Geometry.ROW_HEIGHT;
        return line < lines.size() ? line : -1;
    }

    void scrollBy(int delta) {
        scrollToLine(topLine + delta, true);
    }

    private void scrollToLine(int line) {
        int visible = Geometry.visibleLines(canvas.getClientArea().height);
        if (line >= 0 && (line < topLine || line >= topLine + visible)) {
            scrollToLine(line - visible / 2, true);
        }
    }

    private void scrollToLine(int line, boolean exact) {
        int visible = Geometry.visibleLines(canvas.getClientArea().height);
        topLine = Math.max(0, Math.min(line, lines.size() - visible));
        canvas.getVerticalBar().setSelection(topLine);
        requestRedraw();
    }

    private void linesChanged() {
        lines = model.lines(expanded::contains);
        int visible = Geometry.visibleLines(canvas.getClientArea().height);
        topLine = Math.max(0, Math.min(topLine, lines.size() - visible));
        ScrollBar bar = canvas.getVerticalBar();
        bar.setValues(topLine, 0, Math.max(1, lines.size()), Math.max(1, Math.min(visible, lines.size())), 1, Math.max(1, visible - 1));
        bar.setEnabled(lines.size() > visible);
        requestRedraw();
    }

    // ---- painting

    public void requestRedraw() {
        redraw.throttledExec();
    }

    private BucketCache.Zoom zoom() {
        return new BucketCache.Zoom(window, graphWidth());
    }

    private List<TimelineRow> visibleLines() {
        int visible = Geometry.visibleLines(canvas.getClientArea().height) + 1;
        return lines.subList(Math.min(topLine, lines.size()), Math.min(lines.size(), topLine + visible));
    }

    private void paint(Event e) {
        long start = System.nanoTime();
        paintOn(e.gc, new Point(canvas.getClientArea().width, canvas.getClientArea().height));
        lastPaintNanos = System.nanoTime() - start;
        paints++;
    }

    /** Paints so far, for the repaint benchmark. */
    public long paints() {
        return paints;
    }

    /** How long the last paint took (drawing into the double buffer and copying it out). */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    /** Paints the current state on any GC (the screen, or an image for export). */
    void paintOn(GC gc, Point size) {
        BucketCache.Zoom zoom = new BucketCache.Zoom(window, Geometry.graphWidth(size.x));
        List<TimelineRow> onScreen = visibleLines();
        cache.request(zoom, onScreen, model);
        if (cache.has(zoom, onScreen)) {
            lastComplete = zoom;
        }
        BucketCache.Zoom fallback = lastComplete;
        Function<TimelineRow, Buckets> buckets = row -> {
            Buckets b = cache.get(zoom, row);
            return b != null || fallback == null ? b : cache.get(fallback, row);
        };
        painter.paint(gc, size, new TimelineState(model, window, lines, topLine, selectedRow, selectedSpan(), overlay(), relative, zone,
                buckets, this::label, expanded::contains));
    }

    private long[] overlay() {
        long[] dragged = input.draggedRange();
        return dragged != null ? dragged : range;
    }

    private String label(TimelineRow row) {
        return labelCache.computeIfAbsent(row, labels);
    }

    public void setFocus() {
        canvas.setFocus();
    }
}
