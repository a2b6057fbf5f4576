package io.egress.detect.internal.detectors;

import io.egress.detect.SubScore;
import io.egress.detect.TimeSpan;
import io.egress.detect.internal.stats.RobustStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How much a series of contact times and sizes looks like a beacon, scored in the manner of RITA:
 * <ul>
 * <li>interval skew: 1 - |Bowley skew| of the intervals (a beacon's intervals are symmetric);</li>
 * <li>interval dispersion: 1 - MAD / median of the intervals;</li>
 * <li>periodicity: the share of intervals within 25 % of the median period or of twice or three
 * times it (a missed beacon), the latter counting half: this tolerates jitter of the kind
 * implants add on purpose and ignores bursts of retries;</li>
 * <li>size skew and size dispersion: the same on the bytes per contact (beacons send similar
 * check-ins); left out when sizes are unknown (DNS questions);</li>
 * <li>hourly histogram: contacts counted in equal buckets (an hour, or shorter for short
 * captures, at least two periods) over their span; an even spread gives 1 - coefficient of
 * variation close to 1;</li>
 * <li>coverage: the share of the capture between the first and last contact.</li>
 * </ul>
 * The strength is 0.55 timing (mean of skew, dispersion and periodicity) + 0.2 size + 0.15
 * histogram + 0.1 coverage; without sizes their weight goes to timing.
 */
final class BeaconScore {
    private static final double HOUR_NANOS = 3600e9;
    /** How far (as a share of the period) an interval may stray and still fit: covers 25 % jitter. */
    private static final double TOLERANCE = 0.25;

    private final Events events;
    private final double median;
    private final double mad;
    private final double strength;
    private final double periodicity;
    private final List<SubScore> subScores = new ArrayList<>();

    private BeaconScore(Events events, TimeSpan capture) {
        this.events = events;
        double[] intervals = events.intervalsSeconds();
        median = RobustStats.median(intervals);
        mad = RobustStats.mad(intervals);
        double skew = RobustStats.bowleySkew(intervals);
        double intervalSkew = 1 - Math.abs(skew);
        double intervalMad = RobustStats.unit(1 - (median > 0 ? mad / median : 1));
        periodicity = periodicity(intervals, median);
        double timing = (intervalSkew + intervalMad + periodicity) / 3;
        add("interval-skew", intervalSkew, String.format(Locale.ROOT, "Bowley skew of %d intervals %.2f (0 = symmetric)", intervals.length, skew));
        add("interval-dispersion", intervalMad, "median interval " + FlowFacts.seconds(median) + ", median absolute deviation "
                + FlowFacts.seconds(mad));
        add("periodicity", periodicity, String.format(Locale.ROOT, "%.0f %% of intervals fit the period within 25 %% (missed contacts count half)",
                periodicity * 100));

        double sizeScore = -1;
        if (events.sizesKnown()) {
            double[] sizes = events.sizes();
            double sizeMedian = RobustStats.median(sizes);
            double sizeSkew = 1 - Math.abs(RobustStats.bowleySkew(sizes));
            double sizeMad = RobustStats.unit(1 - (sizeMedian > 0 ? RobustStats.mad(sizes) / sizeMedian : 1));
            sizeScore = (sizeSkew + sizeMad) / 2;
            add("size-skew", sizeSkew, String.format(Locale.ROOT, "Bowley skew of the bytes per contact %.2f", 1 - sizeSkew));
            add("size-dispersion", sizeMad, "median " + (long) sizeMedian + " bytes per contact, median absolute deviation "
                    + (long) RobustStats.mad(sizes) + " bytes");
        }
        double histogram = histogram(events, median);
        add("histogram", histogram, "contacts spread evenly over the hours (or shorter buckets) they span");
        double coverage = capture.durationNanos() <= 0 ? 1
                : RobustStats.unit((double) (events.last() - events.first()) / capture.durationNanos());
        add("coverage", coverage, String.format(Locale.ROOT, "contacts span %.0f %% of the capture", coverage * 100));
        strength = sizeScore < 0 ? 0.75 * timing + 0.15 * histogram + 0.1 * coverage
                : 0.55 * timing + 0.2 * sizeScore + 0.15 * histogram + 0.1 * coverage;
    }

    static BeaconScore of(Events events, TimeSpan capture) {
        return new BeaconScore(events, capture);
    }

    private void add(String name, double value, String detail) {
        subScores.add(new SubScore(name, RobustStats.unit(value), detail));
    }

    private static double periodicity(double[] intervals, double period) {
        if (period <= 0) {
            return 0;
        }
        double fit = 0;
        for (double d : intervals) {
            double ratio = d / period;
            long k = Math.round(ratio);
            if (k >= 1 && k <= 3 && Math.abs(ratio - k) <= TOLERANCE * k) {
                fit += k == 1 ? 1 : 0.5;
            }
        }
        return fit / intervals.length;
    }

    private static double histogram(Events events, double periodSeconds) {
        double span = events.last() - events.first();
        double width = Math.max(Math.min(HOUR_NANOS, Math.max(span / 4, 1)), 2 * periodSeconds * 1e9);
        int buckets = (int) Math.max(1, Math.ceil(span / width));
        if (buckets < 2) {
            return 1;
        }
        double[] counts = new double[buckets];
        for (long t : events.times) {
            counts[(int) Math.min(buckets - 1, (t - events.first()) / width)]++;
        }
        return RobustStats.unit(1 - RobustStats.coefficientOfVariation(counts));
    }

    double strength() { return strength; }

    /** Enough of the intervals fit one period: the rule that keeps random chatter out. */
    boolean periodic() { return periodicity >= 0.7; }

    double medianIntervalSeconds() { return median; }

    double madSeconds() { return mad; }

    int eventCount() { return events.count(); }

    long firstNanos() { return events.first(); }

    long lastNanos() { return events.last(); }

    List<SubScore> subScores() { return List.copyOf(subScores); }

    /** Contact times (ascending) and bytes, with contacts closer than a gap merged into one. */
    static final class Events {
        private final long[] times;
        private final long[] sizes;

        private Events(long[] times, long[] sizes) {
            this.times = times;
            this.sizes = sizes;
        }

        static Events merged(long[] times, long[] sizes, long gapNanos) {
            Integer[] order = new Integer[times.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
            long[] t = new long[times.length];
            long[] s = new long[times.length];
            int n = 0;
            for (int i : order) {
                // Parallel connections or a retry right after a contact are part of that contact.
                if (n > 0 && times[i] - t[n - 1] < gapNanos) {
                    s[n - 1] += sizes[i];
                } else {
                    t[n] = times[i];
                    s[n++] = sizes[i];
                }
            }
            return new Events(Arrays.copyOf(t, n), Arrays.copyOf(s, n));
        }

        int count() { return times.length; }

        long first() { return times[0]; }

        long last() { return times[times.length - 1]; }

        boolean sizesKnown() {
            return Arrays.stream(sizes).anyMatch(v -> v > 0);
        }

        double[] sizes() {
            return Arrays.stream(sizes).asDoubleStream().toArray();
        }

        double[] intervalsSeconds() {
            double[] d = new double[times.length - 1];
            for (int i = 1; i < times.length; i++) {
                d[i - 1] = (times[i] - times[i - 1]) / 1e9;
            }
            return d;
        }
    }
}
