package io.egress.ui.internal.handlers;

import java.nio.file.Path;

import jakarta.inject.Named;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import io.egress.ui.internal.Messages;
import io.egress.ui.internal.capture.CaptureOpening;

/** File &gt; Open Capture...: any pcap or pcapng file (the format is read from the file, not its name). */
public final class OpenCaptureHandler {
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IEclipseContext context) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText(Messages.capture_dialogTitle);
        dialog.setFilterExtensions(new String[] {"*.pcap;*.pcapng;*.cap;*.dmp", "*"});
        dialog.setFilterNames(new String[] {Messages.capture_filterCaptures, Messages.capture_filterAll});
        String chosen = dialog.open();
        if (chosen != null) {
            CaptureOpening.open(Path.of(chosen), context);
        }
    }
}
