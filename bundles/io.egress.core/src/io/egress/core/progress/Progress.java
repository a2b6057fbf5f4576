package io.egress.core.progress;

/**
 * UI-free progress and cancellation for long work. The workbench adapts an Eclipse progress
 * monitor to it, the CLI a quiet one. Implementations must be cheap: callers report often.
 */
public interface Progress {
    /** Reports that {@code done} of {@code total} units (bytes, packets...) are finished; total -1 when unknown. */
    void worked(long done, long total);

    /** Long work polls this and stops early, keeping what it already has. */
    boolean isCanceled();

    /** A monitor that ignores progress and never cancels. */
    Progress NONE = new Progress() {
        @Override
        public void worked(long done, long total) {
            // nobody is watching
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    };
}
