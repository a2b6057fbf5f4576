package io.egress.ui.internal.live;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.egress.capture.live.CaptureAccess;
import io.egress.capture.live.CaptureRequest;
import io.egress.capture.live.InvalidFilterException;
import io.egress.capture.live.LiveCaptureException;
import io.egress.capture.live.LiveCaptures;
import io.egress.capture.live.LiveInterface;
import io.egress.core.net.IpAddresses;
import io.egress.ui.internal.Messages;

/**
 * Capture &gt; Start...: the interfaces (name, description, addresses, up/down) with check boxes, a
 * BPF filter compiled by libpcap as it is typed (its message shown under the field), and, when this
 * process may not capture, the exact commands that grant the right instead of a Start button that
 * would fail.
 */
final class StartCaptureDialog extends Dialog {
    private final LiveCaptures captures;
    private final Optional<CaptureRequest> last;
    private CaptureAccess access;
    private List<LiveInterface> interfaces = List.of();
    private String listError;
    private Table table;
    private Text filter;
    private Label filterMessage;
    private CaptureRequest result;

    StartCaptureDialog(Shell parent, LiveCaptures captures, Optional<CaptureRequest> last) {
        super(parent);
        this.captures = captures;
        this.last = last;
    }

    /** The request to start, after OK. */
    CaptureRequest result() {
        return result;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.live_dialogTitle);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(1).applyTo(area);
        access = captures.access();
        try {
            interfaces = captures.interfaces();
        } catch (LiveCaptureException e) {
            listError = e.getMessage();
        }
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(Messages.live_dialogInterfaces);
        table = new Table(area, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(720, 220).applyTo(table);
        String[] headers = {Messages.live_ifName, Messages.live_ifDescription, Messages.live_ifAddresses, Messages.live_ifState};
        int[] widths = {110, 220, 280, 90};
        for (int i = 0; i < headers.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(headers[i]);
            c.setWidth(widths[i]);
        }
        List<String> checked = last.map(CaptureRequest::interfaces).orElse(List.of());
        for (LiveInterface li : interfaces) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {li.name(), li.description(), addresses(li.addresses()), state(li)});
            item.setData(li.name());
            item.setChecked(checked.contains(li.name()));
            if (!li.up()) {
                item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            }
        }
        table.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> validate()));
        if (listError != null) {
            message(area, NLS.bind(Messages.live_listFailed, listError), true);
        }

        Label filterLabel = new Label(area, SWT.NONE);
        filterLabel.setText(Messages.live_filterLabel);
        filter = new Text(area, SWT.BORDER | SWT.SINGLE);
        filter.setMessage(Messages.live_filterHint);
        filter.setText(last.map(CaptureRequest::filter).orElse(""));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        filterMessage = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(720, SWT.DEFAULT).applyTo(filterMessage);
        filter.addModifyListener(e -> validate());

        if (!access.canCapture()) {
            message(area, Messages.live_noRights, true);
            Text commands = new Text(area, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP | SWT.BORDER | SWT.V_SCROLL);
            commands.setText(access.explanation());
            GridDataFactory.fillDefaults().grab(true, false).hint(720, 120).applyTo(commands);
        } else {
            message(area, NLS.bind(Messages.live_access, access.method().get().id(), access.explanation()), false);
        }
        return area;
    }

    private static Label message(Composite area, String text, boolean error) {
        Label l = new Label(area, SWT.WRAP);
        l.setText(text);
        GridDataFactory.fillDefaults().grab(true, false).hint(720, SWT.DEFAULT).applyTo(l);
        if (error) {
            l.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        }
        return l;
    }

    private static String state(LiveInterface li) {
        return !li.up() ? Messages.live_ifDown : li.running() ? Messages.live_ifUp : Messages.live_ifNoCarrier;
    }

    private static String addresses(List<InetAddress> addresses) {
        return addresses.stream().map(IpAddresses::format).collect(Collectors.joining(", "));
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.live_start, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private List<String> checkedInterfaces() {
        List<String> names = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            if (item.getChecked()) {
                names.add((String) item.getData());
            }
        }
        return names;
    }

    /** Start only with capture rights, at least one interface and a filter libpcap compiles. */
    private void validate() {
        String problem = null;
        try {
            captures.checkFilter(filter.getText().strip());
            filterMessage.setText(filter.getText().isBlank() ? Messages.live_filterNone : Messages.live_filterValid);
            filterMessage.setForeground(null);
        } catch (InvalidFilterException e) {
            problem = e.getMessage();
            filterMessage.setText(problem);
            filterMessage.setForeground(filterMessage.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        }
        filterMessage.getParent().layout(true);
        var ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null && access.canCapture() && !checkedInterfaces().isEmpty());
        }
    }

    @Override
    protected void okPressed() {
        result = CaptureRequest.of(checkedInterfaces()).withFilter(filter.getText().strip());
        super.okPressed();
    }
}
