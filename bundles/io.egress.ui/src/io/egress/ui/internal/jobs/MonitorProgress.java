package io.egress.ui.internal.jobs;

import org.eclipse.core.runtime.IProgressMonitor;

import io.egress.core.progress.Progress;

/**
 * The engines' done/total progress on an Eclipse monitor of 1,000 ticks (it begins the task), with
 * the monitor's cancel as the engines' cancel. One adapter for every job of the workbench.
 */
public final class MonitorProgress implements Progress {
    private static final int TICKS = 1000;
    private final IProgressMonitor monitor;
    private int reported;

    public MonitorProgress(IProgressMonitor monitor) {
        this.monitor = monitor;
        monitor.beginTask("", TICKS);
    }

    @Override
    public void worked(long done, long total) {
        if (total <= 0) {
            return;
        }
        int now = (int) Math.min(TICKS, done * TICKS / total);
        if (now > reported) {
            monitor.worked(now - reported);
            reported = now;
        }
    }

    @Override
    public boolean isCanceled() {
        return monitor.isCanceled();
    }
}
