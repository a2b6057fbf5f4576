package io.egress.ui.timeline.internal;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import io.egress.core.timeline.IntervalPicture;

/**
 * The rhythm of one destination: on the left the histogram of gaps between its connection starts
 * (a beacon is one tall bar), on the right the bytes of each connection in order (a beacon's are
 * alike).
 */
final class IntervalPanel {
    private static final int MARGIN = 6;
    private static final int TITLE = 20;

    private final Canvas canvas;
    private final Color gapColor;
    private final Color byteColor;
    private IntervalPicture picture;
    private String destination = "";

    IntervalPanel(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        gapColor = new Color(45, 95, 160);
        byteColor = new Color(20, 130, 120);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Dispose, e -> {
            gapColor.dispose();
            byteColor.dispose();
        });
    }

    Canvas control() {
        return canvas;
    }

    /** Shows a destination's picture; null clears it. */
    void show(String destinationLabel, IntervalPicture newPicture) {
        destination = destinationLabel;
        picture = newPicture;
        canvas.redraw();
    }

    IntervalPicture picture() {
        return picture;
    }

    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(area);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        if (picture == null) {
            gc.drawText(Messages.intervals_none, MARGIN, MARGIN, true);
            return;
        }
        if (picture.gapsNanos().length == 0) {
            gc.drawText(NLS.bind(Messages.intervals_single, destination), MARGIN, MARGIN, true);
            return;
        }
        gc.drawText(NLS.bind(Messages.intervals_title, new Object[] { destination, picture.bytes().length,
                Durations.format(picture.medianGapNanos()), String.format("%.0f %%", picture.jitter() * 100) }), MARGIN, MARGIN, true);
        int half = (area.width - 3 * MARGIN) / 2;
        int labels = Math.max(gc.textExtent(Messages.intervals_gaps).x, gc.textExtent(Messages.intervals_bytes).x);
        Rectangle gaps;
        Rectangle bytes;
        if (labels + MARGIN <= half) { // side by side
            gaps = new Rectangle(MARGIN, TITLE + MARGIN + 16, half, area.height - TITLE - 2 * MARGIN - 32);
            bytes = new Rectangle(2 * MARGIN + half, gaps.y, half, gaps.height);
        } else { // too narrow for both titles on one line: one above the other
            int each = (area.height - TITLE - 3 * MARGIN - 64) / 2;
            gaps = new Rectangle(MARGIN, TITLE + MARGIN + 16, area.width - 2 * MARGIN, each);
            bytes = new Rectangle(MARGIN, gaps.y + gaps.height + 36, gaps.width, each);
        }
        gc.drawText(Messages.intervals_gaps, gaps.x, gaps.y - 16, true);
        gc.drawText(Messages.intervals_bytes, bytes.x, bytes.y - 16, true);
        paintHistogram(gc, gaps);
        paintBytes(gc, bytes);
    }

    private void paintHistogram(GC gc, Rectangle r) {
        int[] counts = picture.histogram().counts();
        int max = Math.max(1, picture.histogram().maxCount());
        double barWidth = (double) r.width / counts.length;
        gc.setBackground(gapColor);
        for (int i = 0; i < counts.length; i++) {
            int h = (int) Math.round((double) counts[i] / max * r.height);
            gc.fillRectangle(r.x + (int) (i * barWidth), r.y + r.height - h, Math.max(1, (int) barWidth - 1), h);
        }
        double[] edges = picture.histogram().edgesNanos();
        gc.drawText(Durations.format((long) edges[0]), r.x, r.y + r.height + 1, true);
        String right = Durations.format((long) edges[edges.length - 1]);
        gc.drawText(right, r.x + r.width - gc.textExtent(right).x, r.y + r.height + 1, true);
    }

    private void paintBytes(GC gc, Rectangle r) {
        long[] bytes = picture.bytes();
        long max = 1;
        for (long b : bytes) {
            max = Math.max(max, b);
        }
        gc.setBackground(byteColor);
        // more connections than pixels: each pixel shows the largest connection it stands for
        int columns = Math.min(r.width, bytes.length);
        for (int x = 0; x < columns; x++) {
            int from = (int) ((long) x * bytes.length / columns);
            int to = (int) ((long) (x + 1) * bytes.length / columns);
            long top = 0;
            for (int i = from; i < Math.max(from + 1, to); i++) {
                top = Math.max(top, bytes[i]);
            }
            int w = Math.max(1, r.width / columns - (columns < r.width / 2 ? 1 : 0));
            int h = (int) Math.round((double) top / max * r.height);
            gc.fillRectangle(r.x + x * r.width / columns, r.y + r.height - h, w, h);
        }
        gc.drawText(NLS.bind(Messages.intervals_bytesMax, max), r.x, r.y + r.height + 1, true);
    }
}
