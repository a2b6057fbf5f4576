package io.egress.ui.timeline.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import io.egress.core.timeline.Buckets;
import io.egress.core.timeline.TimeWindow;
import io.egress.core.timeline.TimelineModel;
import io.egress.core.timeline.TimelineRow;

/**
 * Pixel-resolution buckets per zoom (window and width) and row, computed on a worker thread so
 * that painting only reads them. The last few zooms are kept, so zooming back is instant; a newer
 * request makes an older computation stop at the next row (latest wins).
 */
final class BucketCache {
    /** The zoom a bucket set was computed for. */
    record Zoom(TimeWindow window, int width) {
    }

    private static final int ZOOMS_KEPT = 8;

    private final Map<Zoom, Map<TimelineRow, Buckets>> byZoom = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Zoom, Map<TimelineRow, Buckets>> eldest) {
            return size() > ZOOMS_KEPT;
        }
    };
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "timeline buckets");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    /** Bumped when the model changes, so that a computation already running is not stored. */
    private final AtomicLong cleared = new AtomicLong();
    private final Runnable onReady;

    /** @param onReady called on the worker thread when new buckets are in; must hand over to the UI */
    BucketCache(Runnable onReady) {
        this.onReady = onReady;
    }

    /** The buckets of a row at a zoom, or null when not computed (yet). */
    synchronized Buckets get(Zoom zoom, TimelineRow row) {
        Map<TimelineRow, Buckets> rows = byZoom.get(zoom);
        return rows == null ? null : rows.get(row);
    }

    /** Whether every one of {@code rows} has buckets at {@code zoom}. */
    synchronized boolean has(Zoom zoom, List<TimelineRow> rows) {
        Map<TimelineRow, Buckets> known = byZoom.get(zoom);
        return known != null && rows.stream().allMatch(known::containsKey);
    }

    /** Computes the missing rows of {@code zoom} in the background, unless all are there. */
    void request(Zoom zoom, List<TimelineRow> rows, TimelineModel model) {
        List<TimelineRow> missing;
        synchronized (this) {
            Map<TimelineRow, Buckets> known = byZoom.computeIfAbsent(zoom, z -> new IdentityHashMap<>());
            missing = new ArrayList<>(rows.stream().filter(r -> !known.containsKey(r)).toList());
        }
        if (missing.isEmpty()) {
            return;
        }
        long ticket = generation.incrementAndGet();
        worker.execute(() -> compute(ticket, zoom, missing, model));
    }

    private void compute(long ticket, Zoom zoom, List<TimelineRow> rows, TimelineModel model) {
        long clearedAtStart = cleared.get();
        for (TimelineRow row : rows) {
            if (generation.get() != ticket) {
                break;
            }
            Buckets b = model.buckets(row, zoom.window(), zoom.width());
            synchronized (this) {
                if (cleared.get() != clearedAtStart) {
                    break; // computed from a model that was replaced meanwhile
                }
                byZoom.computeIfAbsent(zoom, z -> new IdentityHashMap<>()).put(row, b);
            }
        }
        onReady.run();
    }

    /** Forgets everything (the model changed). */
    synchronized void clear() {
        generation.incrementAndGet();
        cleared.incrementAndGet();
        byZoom.clear();
    }

    void dispose() {
        generation.incrementAndGet();
        worker.shutdownNow();
    }
}
