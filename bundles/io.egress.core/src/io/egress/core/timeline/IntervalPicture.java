package io.egress.core.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rhythm of one destination's contacts: the gaps between consecutive contact starts (a beacon
 * shows one tall bar) and the bytes of each contact (a beacon's are alike). A contact is a
 * connection, or a burst of packets inside one where its bursts were recorded: a beacon that keeps
 * one connection open checks in as bursts, not as new connections.
 *
 * @param gapsNanos      gaps between consecutive starts, in start order
 * @param bytes          bytes of each contact, in start order
 * @param histogram      the gaps on log-spaced bins
 * @param medianGapNanos the median gap, 0 with fewer than two contacts
 * @param jitter         median absolute deviation of the gaps over their median (0 = clockwork)
 */
public record IntervalPicture(long[] gapsNanos, long[] bytes, GapHistogram histogram, long medianGapNanos, double jitter) {
    static final int BINS = 24;

    /** One contact per connection. */
    public static IntervalPicture of(FlowIntervals connections) {
        return of(connections, FlowActivity.NONE);
    }

    /** One contact per connection, or per recorded burst of a connection. */
    public static IntervalPicture of(FlowIntervals connections, FlowActivity activity) {
        List<long[]> contacts = new ArrayList<>(); // {start, bytes}
        for (int i = 0; i < connections.size(); i++) {
            Optional<FlowActivity.Bursts> bursts = activity.of(connections.flowIndex(i));
            if (bursts.isPresent() && bursts.get().count() > 0) {
                FlowActivity.Bursts b = bursts.get();
                for (int k = 0; k < b.count(); k++) {
                    contacts.add(new long[] { b.startNanos()[k], b.bytes()[k] });
                }
            } else {
                contacts.add(new long[] { connections.first(i), connections.bytes(i) });
            }
        }
        contacts.sort(Comparator.comparingLong(c -> c[0]));
        int n = contacts.size();
        long[] bytes = new long[n];
        long[] gaps = new long[Math.max(0, n - 1)];
        for (int i = 0; i < n; i++) {
            bytes[i] = contacts.get(i)[1];
            if (i > 0) {
                gaps[i - 1] = contacts.get(i)[0] - contacts.get(i - 1)[0];
            }
        }
        long median = median(gaps);
        long[] deviations = Arrays.stream(gaps).map(g -> Math.abs(g - median)).toArray();
        double jitter = median == 0 ? 0 : (double) median(deviations) / median;
        return new IntervalPicture(gaps, bytes, GapHistogram.of(gaps, BINS), median, jitter);
    }

    private static long median(long[] values) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * Counts on {@code counts.length} bins whose edges grow geometrically from the smallest to the
     * largest gap, so seconds and hours fit one picture.
     */
    public record GapHistogram(double[] edgesNanos, int[] counts) {
        static GapHistogram of(long[] gaps, int bins) {
            if (gaps.length == 0) {
                return new GapHistogram(new double[] { 0, 1 }, new int[1]);
            }
            double lo = Math.max(1, Arrays.stream(gaps).min().getAsLong());
            double hi = Math.max(lo * 1.01, Arrays.stream(gaps).max().getAsLong());
            double ratio = Math.pow(hi / lo, 1.0 / bins);
            double[] edges = new double[bins + 1];
            for (int i = 0; i <= bins; i++) {
                edges[i] = lo * Math.pow(ratio, i);
            }
            int[] counts = new int[bins];
            for (long g : gaps) {
                int bin = (int) Math.floor(Math.log(Math.max(1, g) / lo) / Math.log(ratio));
                counts[Math.max(0, Math.min(bins - 1, bin))]++;
            }
            return new GapHistogram(edges, counts);
        }

        public int maxCount() {
            return Arrays.stream(counts).max().orElse(0);
        }
    }
}
