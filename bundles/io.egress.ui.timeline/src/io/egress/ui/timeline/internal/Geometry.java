package io.egress.ui.timeline.internal;

/** Where things are on the timeline canvas: a label column on the left, the axis on top, rows below. */
final class Geometry {
    static final int LABEL_WIDTH = 260;
    static final int AXIS_HEIGHT = 34;
    static final int ROW_HEIGHT = 20;
    static final int INDENT = 14;
    static final int MIN_TICK_PIXELS = 90;

    private Geometry() {
    }

    /** The graph's width for a canvas this wide; at least one column. */
    static int graphWidth(int canvasWidth) {
        return Math.max(1, canvasWidth - LABEL_WIDTH);
    }

    /** Lines that fit below the axis. */
    static int visibleLines(int canvasHeight) {
        return Math.max(1, (canvasHeight - AXIS_HEIGHT) / ROW_HEIGHT);
    }

    static int lineTop(int line, int topLine) {
        return AXIS_HEIGHT + (line - topLine) * ROW_HEIGHT;
    }
}
