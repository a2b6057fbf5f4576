package io.egress.ui.timeline.internal;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

import io.egress.core.timeline.AxisTicks;
import io.egress.core.timeline.Buckets;
import io.egress.core.timeline.TimeWindow;
import io.egress.core.timeline.TimelineMarker;
import io.egress.core.timeline.TimelineRow;

/**
 * Draws a {@link TimelineState}: axis, labels, one bar run per shade per row, markers, selection.
 * Only reads buckets (no flow is visited), so its cost depends on the pixels, not the capture.
 */
final class TimelinePainter {
    /** Shades per level: light = few packets per second, dark = dense. */
    static final int SHADES = 8;

    private final Color[][] shades = new Color[TimelineRow.Level.values().length][SHADES];
    private final Color[] severity;
    private final Color grid;
    private final Color text;
    private final Color dimText;
    private final Color ownerBackground;
    private final Color selection;
    private final Color selectionText;
    private final Color outline;
    private final Color overlay;
    private final Color background;

    TimelinePainter(Display display) {
        RGB[] base = { new RGB(45, 95, 160), new RGB(20, 130, 120), new RGB(200, 110, 20) };
        for (int level = 0; level < base.length; level++) {
            for (int s = 0; s < SHADES; s++) {
                double strength = 0.3 + 0.7 * s / (SHADES - 1);
                shades[level][s] = new Color(mix(base[level].red, strength), mix(base[level].green, strength), mix(base[level].blue, strength));
            }
        }
        severity = new Color[] { new Color(120, 120, 120), new Color(70, 130, 200), new Color(230, 160, 0), new Color(220, 60, 30),
                new Color(150, 0, 90) };
        grid = new Color(228, 228, 228);
        text = display.getSystemColor(SWT.COLOR_LIST_FOREGROUND);
        dimText = new Color(110, 110, 110);
        ownerBackground = new Color(244, 246, 250);
        selection = display.getSystemColor(SWT.COLOR_LIST_SELECTION);
        selectionText = display.getSystemColor(SWT.COLOR_LIST_SELECTION_TEXT);
        outline = new Color(0, 0, 0);
        overlay = new Color(80, 140, 255);
        background = display.getSystemColor(SWT.COLOR_LIST_BACKGROUND);
    }

    private static int mix(int channel, double strength) {
        return (int) Math.round(255 - (255 - channel) * strength);
    }

    void paint(GC gc, Point size, TimelineState s) {
        int graphWidth = Geometry.graphWidth(size.x);
        gc.setBackground(background);
        gc.fillRectangle(0, 0, size.x, size.y);
        if (s.lines().isEmpty()) {
            return; // no capture shown: an axis would only say 1970-01-01
        }
        List<AxisTicks.Tick> ticks = s.relative()
                ? AxisTicks.relative(s.window(), graphWidth, Geometry.MIN_TICK_PIXELS, s.model().extent().startNanos())
                : AxisTicks.absolute(s.window(), graphWidth, Geometry.MIN_TICK_PIXELS, s.zone());
        paintAxis(gc, size, s, ticks, graphWidth);
        int visible = Geometry.visibleLines(size.y) + 1;
        double maxRate = maxRate(s, visible);
        for (int line = s.topLine(); line < Math.min(s.lines().size(), s.topLine() + visible); line++) {
            paintLine(gc, size, s, s.lines().get(line), Geometry.lineTop(line, s.topLine()), graphWidth, maxRate);
        }
        paintOverlay(gc, size, s, graphWidth);
    }

    private void paintAxis(GC gc, Point size, TimelineState s, List<AxisTicks.Tick> ticks, int graphWidth) {
        gc.setForeground(dimText);
        gc.drawText(s.relative() ? Messages.axis_relative : AxisTicks.context(s.window(), s.zone()), 4, 4, true);
        for (AxisTicks.Tick t : ticks) {
            int x = Geometry.LABEL_WIDTH + s.window().pixelOf(t.nanos(), graphWidth);
            gc.setForeground(grid);
            gc.drawLine(x, Geometry.AXIS_HEIGHT - 6, x, size.y);
            gc.setForeground(text);
            gc.drawText(t.label(), x + 3, 4, true);
        }
        gc.setForeground(dimText);
        gc.drawLine(0, Geometry.AXIS_HEIGHT - 1, size.x, Geometry.AXIS_HEIGHT - 1);
        gc.drawLine(Geometry.LABEL_WIDTH - 1, 0, Geometry.LABEL_WIDTH - 1, size.y);
    }

    /** The densest column on screen, so shades use the whole range at every zoom. */
    private static double maxRate(TimelineState s, int visible) {
        double max = 0;
        for (int line = s.topLine(); line < Math.min(s.lines().size(), s.topLine() + visible); line++) {
            Buckets b = s.buckets().apply(s.lines().get(line));
            if (b != null) {
                for (int x = 0; x < b.width(); x++) {
                    max = Math.max(max, b.packetsPerSecond(x));
                }
            }
        }
        return max;
    }

    private void paintLine(GC gc, Point size, TimelineState s, TimelineRow row, int top, int graphWidth, double maxRate) {
        boolean selected = row == s.selectedRow();
        if (row.level() == TimelineRow.Level.OWNER) {
            gc.setBackground(ownerBackground);
            gc.fillRectangle(0, top, size.x, Geometry.ROW_HEIGHT);
        }
        if (selected) {
            gc.setBackground(selection);
            gc.fillRectangle(0, top, Geometry.LABEL_WIDTH - 1, Geometry.ROW_HEIGHT);
        }
        int indent = 4 + row.depth() * Geometry.INDENT;
        if (row.expandable()) {
            paintExpander(gc, indent, top, s.expanded().test(row), selected);
        }
        gc.setClipping(0, top, Geometry.LABEL_WIDTH - 2, Geometry.ROW_HEIGHT);
        gc.setForeground(selected ? selectionText : text);
        gc.drawText(s.labels().apply(row), indent + 12, top + 2, true);
        gc.setClipping(Geometry.LABEL_WIDTH, top, graphWidth, Geometry.ROW_HEIGHT);
        Buckets b = s.buckets().apply(row);
        if (b != null) {
            paintBars(gc, s.window(), b, row, top, graphWidth, maxRate);
        }
        if (s.selectedSpan() != null && (row == s.selectedRow() || containsSelected(row, s))) {
            paintSelectedFlow(gc, s, top, graphWidth);
        }
        if (row.level() == TimelineRow.Level.OWNER) {
            for (TimelineMarker m : s.model().markersOf(row.owner())) {
                paintMarker(gc, m, Geometry.LABEL_WIDTH + s.window().pixelOf(m.timeNanos(), graphWidth), top);
            }
        }
        gc.setClipping((org.eclipse.swt.graphics.Rectangle) null);
    }

    private static boolean containsSelected(TimelineRow row, TimelineState s) {
        TimelineRow sel = s.selectedRow();
        for (TimelineRow p = sel == null ? null : sel.parent(); p != null; p = p.parent()) {
            if (p == row && !s.expanded().test(row)) {
                return true;
            }
        }
        return false;
    }

    private void paintExpander(GC gc, int x, int top, boolean open, boolean selected) {
        gc.setBackground(selected ? selectionText : dimText);
        int cy = top + Geometry.ROW_HEIGHT / 2;
        if (open) {
            gc.fillPolygon(new int[] { x, cy - 3, x + 8, cy - 3, x + 4, cy + 3 });
        } else {
            gc.fillPolygon(new int[] { x + 1, cy - 4, x + 7, cy, x + 1, cy + 4 });
        }
    }

    /** One rectangle per run of columns with the same shade. */
    private void paintBars(GC gc, TimeWindow window, Buckets b, TimelineRow row, int top, int graphWidth, double maxRate) {
        Color[] colors = shades[row.level().ordinal()];
        // buckets of an earlier zoom (while the new ones are computed) are drawn where their times are now
        boolean sameZoom = b.window().equals(window) && b.width() == graphWidth;
        double logMax = Math.log1p(maxRate);
        int runShade = -1;
        int runStart = 0;
        int runEnd = -1;
        for (int x = 0; x < b.width(); x++) {
            int shade = -1;
            if (b.flows(x) > 0) {
                shade = logMax <= 0 ? SHADES - 1 : (int) Math.min(SHADES - 1, Math.log1p(b.packetsPerSecond(x)) / logMax * SHADES);
            }
            int px0 = sameZoom ? x : window.pixelOf(b.window().nanosAt(x, b.width()), graphWidth);
            int px1 = sameZoom ? x : Math.max(px0, window.pixelOf(b.window().nanosAt(x + 1, b.width()), graphWidth) - 1);
            if (shade == runShade && px0 <= runEnd + 1) {
                runEnd = Math.max(runEnd, px1);
                continue;
            }
            fillRun(gc, colors, runShade, runStart, runEnd, top);
            runShade = shade;
            runStart = px0;
            runEnd = px1;
        }
        fillRun(gc, colors, runShade, runStart, runEnd, top);
    }

    private static void fillRun(GC gc, Color[] colors, int shade, int start, int end, int top) {
        if (shade >= 0) {
            gc.setBackground(colors[shade]);
            gc.fillRectangle(Geometry.LABEL_WIDTH + start, top + 3, Math.max(1, end - start + 1), Geometry.ROW_HEIGHT - 6);
        }
    }

    private void paintSelectedFlow(GC gc, TimelineState s, int top, int graphWidth) {
        long first = s.selectedSpan()[0];
        long last = s.selectedSpan()[1];
        if (!s.window().overlaps(first, last)) {
            return;
        }
        int x0 = Math.max(-2, s.window().pixelOf(first, graphWidth));
        int x1 = Math.min(graphWidth + 2, s.window().pixelOf(last, graphWidth));
        gc.setForeground(outline);
        gc.setLineWidth(2);
        gc.drawRectangle(Geometry.LABEL_WIDTH + x0 - 1, top + 2, Math.max(3, x1 - x0 + 2), Geometry.ROW_HEIGHT - 4);
        gc.setLineWidth(1);
    }

    private void paintMarker(GC gc, TimelineMarker m, int x, int top) {
        gc.setBackground(severity[m.severity().ordinal()]);
        gc.fillPolygon(new int[] { x - 5, top + 1, x + 5, top + 1, x, top + 9 });
    }

    private void paintOverlay(GC gc, Point size, TimelineState s, int graphWidth) {
        if (s.overlay() == null) {
            return;
        }
        int x0 = Math.max(0, s.window().pixelOf(s.overlay()[0], graphWidth));
        int x1 = Math.min(graphWidth, s.window().pixelOf(s.overlay()[1], graphWidth));
        if (x1 < 0 || x0 > graphWidth) {
            return;
        }
        gc.setAlpha(50);
        gc.setBackground(overlay);
        gc.fillRectangle(Geometry.LABEL_WIDTH + x0, 0, Math.max(1, x1 - x0), size.y);
        gc.setAlpha(255);
        gc.setForeground(overlay);
        gc.drawRectangle(Geometry.LABEL_WIDTH + x0, 0, Math.max(1, x1 - x0), size.y - 1);
    }

    void dispose() {
        for (Color[] level : shades) {
            for (Color c : level) {
                c.dispose();
            }
        }
        for (Color c : severity) {
            c.dispose();
        }
        grid.dispose();
        dimText.dispose();
        ownerBackground.dispose();
        outline.dispose();
        overlay.dispose();
    }
}
