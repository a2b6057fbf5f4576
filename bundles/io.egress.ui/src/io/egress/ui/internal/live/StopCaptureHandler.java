package io.egress.ui.internal.live;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;

/** Capture &gt; Stop: stops capturing; the flows stay in the connections view for review. */
public final class StopCaptureHandler {
    @CanExecute
    public boolean canExecute(LiveCapturing capturing) {
        return capturing.running();
    }

    @Execute
    public void execute(LiveCapturing capturing) {
        capturing.stop();
    }
}
