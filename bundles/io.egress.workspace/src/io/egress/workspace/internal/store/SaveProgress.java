package io.egress.workspace.internal.store;

import io.egress.core.progress.Progress;
import java.util.concurrent.CancellationException;

/**
 * Progress of one save in rows and embedded bytes (one unit each, weighted by their share of the
 * total); throws {@link CancellationException} from {@link #rows} and {@link #bytes} once cancelled.
 */
final class SaveProgress {
    private final Progress progress;
    private final long total;
    private long done;

    SaveProgress(Progress progress, long total) {
        this.progress = progress;
        this.total = Math.max(1, total);
    }

    void rows(long n) {
        advance(n);
    }

    void bytes(long n) {
        advance(n);
    }

    boolean isCanceled() {
        return progress.isCanceled();
    }

    private void advance(long n) {
        done += n;
        progress.worked(Math.min(done, total), total);
        if (progress.isCanceled()) {
            throw new CancellationException("save cancelled");
        }
    }
}
