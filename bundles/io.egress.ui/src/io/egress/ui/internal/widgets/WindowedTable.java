package io.egress.ui.internal.widgets;

import java.util.function.IntConsumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Slider;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * A table for millions of rows: the SWT table holds only the rows that fit on screen and a slider
 * picks which window of the model they show (a virtual SWT table would still create a native row
 * per model row on GTK). Rows are read from the model only for the visible window.
 */
public final class WindowedTable {
    /** The model: row count and cell text, indexed by display row. */
    public interface Rows {
        int size();

        String text(int row, int column);
    }

    private static final Rows EMPTY = new Rows() {
        @Override
        public int size() {
            return 0;
        }

        @Override
        public String text(int row, int column) {
            return "";
        }
    };

    private final Composite root;
    private final Table table;
    private final Slider slider;
    private final int columns;
    private Rows rows = EMPTY;
    private int offset;
    private int selected = -1;
    private IntConsumer onSelect = r -> { };
    private IntConsumer onOpen = r -> { };
    private IntConsumer onSort = c -> { };

    public WindowedTable(Composite parent, String[] headers, int[] widths) {
        root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(0, 0).applyTo(root);
        table = new Table(root, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        slider = new Slider(root, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(false, true).applyTo(slider);
        columns = headers.length;
        for (int i = 0; i < headers.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(headers[i]);
            c.setWidth(widths[i]);
            c.setMoveable(true);
            int index = i;
            c.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> onSort.accept(index)));
        }
        slider.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> scrollTo(slider.getSelection())));
        table.addListener(SWT.Resize, e -> refresh());
        table.addListener(SWT.MouseVerticalWheel, this::wheel);
        table.addListener(SWT.KeyDown, this::key);
        table.addListener(SWT.Selection, e -> {
            int i = table.getSelectionIndex();
            if (i >= 0 && offset + i < rows.size()) {
                selected = offset + i;
                onSelect.accept(selected);
            }
        });
        table.addListener(SWT.DefaultSelection, e -> {
            if (selected >= 0) {
                onOpen.accept(selected);
            }
        });
    }

    public Composite control() {
        return root;
    }

    public Table table() {
        return table;
    }

    public void onSelect(IntConsumer listener) {
        onSelect = listener;
    }

    public void onOpen(IntConsumer listener) {
        onOpen = listener;
    }

    public void onSort(IntConsumer listener) {
        onSort = listener;
    }

    /** Replaces the model; the selection is cleared, the window kept where it can be. */
    public void setRows(Rows newRows) {
        rows = newRows;
        selected = -1;
        offset = Math.max(0, Math.min(offset, rows.size() - visibleRows()));
        refresh();
    }

    public int selectedRow() {
        return selected;
    }

    public int firstVisibleRow() {
        return offset;
    }

    /** Selects a display row and scrolls it into view. */
    public void select(int row) {
        if (row < 0 || row >= rows.size()) {
            return;
        }
        selected = row;
        int visible = visibleRows();
        if (row < offset || row >= offset + visible) {
            offset = Math.max(0, Math.min(row - visible / 2, rows.size() - visible));
        }
        refresh();
        onSelect.accept(row);
    }

    /** Rows that fit entirely below the header. */
    public int visibleRows() {
        int height = table.getClientArea().height - table.getHeaderHeight();
        return Math.max(1, height / Math.max(1, table.getItemHeight()));
    }

    public void refresh() {
        if (table.isDisposed()) {
            return;
        }
        int visible = visibleRows();
        int size = rows.size();
        table.setRedraw(false);
        try {
            int items = Math.min(visible, size);
            table.setItemCount(items);
            table.deselectAll();
            for (int i = 0; i < items; i++) {
                TableItem item = table.getItem(i);
                int row = offset + i;
                for (int c = 0; c < columns; c++) {
                    item.setText(c, row < size ? rows.text(row, c) : "");
                }
                if (row == selected) {
                    table.select(i);
                }
            }
        } finally {
            table.setRedraw(true);
        }
        slider.setValues(offset, 0, Math.max(1, size), Math.max(1, Math.min(visible, size)), 1, Math.max(1, visible - 1));
        slider.setEnabled(size > visible);
    }

    private void scrollTo(int newOffset) {
        int clamped = Math.max(0, Math.min(newOffset, rows.size() - visibleRows()));
        if (clamped != offset) {
            offset = clamped;
            refresh();
        }
    }

    private void wheel(Event e) {
        e.doit = false;
        scrollTo(offset - e.count);
    }

    private void key(Event e) {
        int visible = visibleRows();
        int target = switch (e.keyCode) {
            case SWT.ARROW_DOWN -> selected + 1;
            case SWT.ARROW_UP -> selected - 1;
            case SWT.PAGE_DOWN -> selected + visible;
            case SWT.PAGE_UP -> selected - visible;
            case SWT.HOME -> 0;
            case SWT.END -> rows.size() - 1;
            default -> Integer.MIN_VALUE;
        };
        if (target == Integer.MIN_VALUE || rows.size() == 0) {
            return;
        }
        e.doit = false;
        select(Math.max(0, Math.min(rows.size() - 1, target)));
    }
}
