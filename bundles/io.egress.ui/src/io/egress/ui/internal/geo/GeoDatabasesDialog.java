package io.egress.ui.internal.geo;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.egress.enrich.geo.GeoCatalogue;
import io.egress.enrich.geo.GeoDatabaseInfo;
import io.egress.ui.internal.Messages;

/**
 * GeoIP settings: every database found with its type, build date and status, the folders searched,
 * how to get a database when there is none, and a button to add a folder.
 */
public final class GeoDatabasesDialog extends Dialog {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private final Supplier<GeoCatalogue> catalogue;
    private final java.util.function.Consumer<Path> addFolder;
    private Table table;
    private Label advice;

    public GeoDatabasesDialog(Shell parent, Supplier<GeoCatalogue> catalogue, java.util.function.Consumer<Path> addFolder) {
        super(parent);
        this.catalogue = catalogue;
        this.addFolder = addFolder;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.geo_title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(900, 300).applyTo(table);
        String[] headers = {Messages.geo_file, Messages.geo_type, Messages.geo_built, Messages.geo_status, Messages.geo_detail};
        int[] widths = {260, 180, 100, 100, 300};
        for (int i = 0; i < headers.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(headers[i]);
            c.setWidth(widths[i]);
        }
        advice = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(900, SWT.DEFAULT).applyTo(advice);
        Button add = new Button(area, SWT.PUSH);
        add.setText(Messages.geo_addFolder);
        add.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> {
            String dir = new DirectoryDialog(getShell()).open();
            if (dir != null) {
                addFolder.accept(Path.of(dir));
                fill();
            }
        }));
        fill();
        return area;
    }

    private void fill() {
        table.removeAll();
        GeoCatalogue c = catalogue.get();
        for (GeoDatabaseInfo d : c.databases()) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {d.file().toString(), d.databaseType(), d.buildDate().map(DAY::format).orElse(""),
                    d.status().name().toLowerCase(java.util.Locale.ROOT), d.detail()});
        }
        String searched = Messages.geo_searched + " " + c.searchedFolders();
        advice.setText(c.hasUsableDatabase() ? searched : c.advice() + "\n" + searched);
        advice.getParent().layout(true);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
