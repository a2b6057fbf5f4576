package io.egress.ui.timeline.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;

import io.egress.core.timeline.FlowIntervals;
import io.egress.core.timeline.TimeWindow;
import io.egress.core.timeline.TimelineRow;

/**
 * Mouse and keyboard on the timeline: wheel and +/- zoom around the pointer, dragging the graph
 * pans, dragging on the axis zooms to that range, Shift+drag selects a time range, a click selects
 * the flow under the pointer, a double-click opens the line's address.
 */
final class TimelineInput {
    private enum Drag {
        NONE, PAN, AXIS, RANGE
    }

    /** Below this many pixels of movement a press is a click, not a drag. */
    private static final int CLICK_SLOP = 3;
    /** How far from the pointer a click still picks a flow. */
    private static final int PICK_PIXELS = 3;

    private final TimelineCanvas timeline;
    private Drag drag = Drag.NONE;
    private int downX;
    private int downY;
    private int currentX;
    private TimeWindow downWindow;
    private int mouseX = -1;

    TimelineInput(TimelineCanvas timeline) {
        this.timeline = timeline;
    }

    void attach(Canvas canvas) {
        canvas.addListener(SWT.MouseDown, this::down);
        canvas.addListener(SWT.MouseMove, this::move);
        canvas.addListener(SWT.MouseUp, this::up);
        canvas.addListener(SWT.MouseDoubleClick, this::doubleClick);
        canvas.addListener(SWT.MouseVerticalWheel, this::wheel);
        canvas.addListener(SWT.MouseExit, e -> mouseX = -1);
        canvas.addListener(SWT.KeyDown, this::key);
    }

    /** The range being dragged on the axis or with Shift, {start, end}; null otherwise. */
    long[] draggedRange() {
        if ((drag != Drag.AXIS && drag != Drag.RANGE) || Math.abs(currentX - downX) < CLICK_SLOP) {
            return null;
        }
        return new long[] { timeAt(Math.min(downX, currentX)), timeAt(Math.max(downX, currentX)) };
    }

    private long timeAt(int x) {
        return timeline.window().nanosAt(x - Geometry.LABEL_WIDTH + 0.5, timeline.graphWidth());
    }

    private void down(Event e) {
        timeline.setFocus();
        if (e.button != 1) {
            return;
        }
        downX = e.x;
        downY = e.y;
        currentX = e.x;
        downWindow = timeline.window();
        if (e.x < Geometry.LABEL_WIDTH) {
            clickLabel(e.x, e.y);
            drag = Drag.NONE;
        } else if (e.y < Geometry.AXIS_HEIGHT) {
            drag = Drag.AXIS;
        } else {
            drag = (e.stateMask & SWT.SHIFT) != 0 ? Drag.RANGE : Drag.PAN;
        }
    }

    private void move(Event e) {
        mouseX = e.x;
        if (drag == Drag.NONE) {
            return;
        }
        currentX = e.x;
        if (drag == Drag.PAN) {
            long delta = downWindow.nanosAt(downX - e.x, timeline.graphWidth()) - downWindow.startNanos();
            timeline.setWindow(downWindow.pan(delta));
        } else {
            timeline.requestRedraw();
        }
    }

    private void up(Event e) {
        Drag was = drag;
        drag = Drag.NONE;
        currentX = e.x;
        boolean click = Math.abs(e.x - downX) < CLICK_SLOP && Math.abs(e.y - downY) < CLICK_SLOP;
        if (was == Drag.PAN && click) {
            pick(e.x, e.y);
        } else if (was == Drag.AXIS && !click) {
            timeline.setWindow(new TimeWindow(timeAt(Math.min(downX, e.x)), timeAt(Math.max(downX, e.x))));
        } else if (was == Drag.RANGE && !click) {
            timeline.setRange(new long[] { timeAt(Math.min(downX, e.x)), timeAt(Math.max(downX, e.x)) });
        }
        timeline.requestRedraw();
    }

    private void clickLabel(int x, int y) {
        int line = timeline.lineAt(y);
        if (line < 0) {
            return;
        }
        TimelineRow row = timeline.lines().get(line);
        int expanderEnd = 4 + row.depth() * Geometry.INDENT + 12;
        if (row.expandable() && x < expanderEnd) {
            timeline.toggle(row);
        } else {
            timeline.selectLine(row, row.flowIndex());
        }
    }

    /** Selects the flow under (or nearest to) the pointer on that line. */
    private void pick(int x, int y) {
        int line = timeline.lineAt(y);
        if (line < 0) {
            return;
        }
        TimelineRow row = timeline.lines().get(line);
        long at = timeAt(x);
        long slop = (long) ((double) timeline.window().span() / timeline.graphWidth() * PICK_PIXELS);
        FlowIntervals flows = row.intervals();
        int[] best = { -1 };
        long[] bestDistance = { Long.MAX_VALUE };
        flows.forEachOverlapping(at - slop, at + slop, p -> {
            long distance = at < flows.first(p) ? flows.first(p) - at : Math.max(0, at - flows.last(p));
            if (distance < bestDistance[0]) {
                bestDistance[0] = distance;
                best[0] = p;
            }
        });
        if (best[0] >= 0) {
            int flow = flows.flowIndex(best[0]);
            if (row.level() == TimelineRow.Level.FLOW) {
                timeline.selectLine(row, flow);
            } else {
                timeline.selectFlow(flow);
            }
        } else {
            timeline.selectLine(row, -1);
        }
    }

    private void doubleClick(Event e) {
        int line = timeline.lineAt(e.y);
        if (line >= 0 && e.button == 1 && !(e.x < Geometry.LABEL_WIDTH && timeline.lines().get(line).expandable()
                && e.x < 4 + timeline.lines().get(line).depth() * Geometry.INDENT + 12)) {
            timeline.open(timeline.lines().get(line));
        }
    }

    private void wheel(Event e) {
        e.doit = false;
        if (e.x < Geometry.LABEL_WIDTH || (e.stateMask & SWT.SHIFT) != 0) {
            timeline.scrollBy(-e.count);
            return;
        }
        timeline.zoom(timeAt(e.x), Math.pow(TimelineCanvas.WHEEL_STEP, Math.signum(e.count)));
    }

    private void key(Event e) {
        long anchor = mouseX >= Geometry.LABEL_WIDTH ? timeAt(mouseX) : timeline.zoomAnchor();
        long tenth = timeline.window().span() / 10;
        switch (e.keyCode) {
            case '+', '=', SWT.KEYPAD_ADD -> timeline.zoom(anchor, TimelineCanvas.ZOOM_STEP);
            case '-', SWT.KEYPAD_SUBTRACT -> timeline.zoom(anchor, 1 / TimelineCanvas.ZOOM_STEP);
            case SWT.HOME, '0' -> timeline.showAll();
            case 'z' -> timeline.zoomToSelection();
            case SWT.ARROW_LEFT -> timeline.setWindow(timeline.window().pan(-tenth));
            case SWT.ARROW_RIGHT -> timeline.setWindow(timeline.window().pan(tenth));
            case SWT.ARROW_UP -> moveSelection(-1);
            case SWT.ARROW_DOWN -> moveSelection(1);
            case SWT.CR, SWT.KEYPAD_CR, ' ' -> toggleSelected();
            case SWT.ESC -> timeline.setRange(null);
            default -> {
                return;
            }
        }
        e.doit = false;
    }

    private void moveSelection(int delta) {
        int at = timeline.lines().indexOf(timeline.selectedRow());
        int next = Math.max(0, Math.min(timeline.lines().size() - 1, at + delta));
        if (next >= 0 && next < timeline.lines().size()) {
            TimelineRow row = timeline.lines().get(next);
            timeline.selectLine(row, row.flowIndex());
        }
    }

    private void toggleSelected() {
        if (timeline.selectedRow() != null) {
            timeline.toggle(timeline.selectedRow());
        }
    }
}
