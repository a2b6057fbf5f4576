package io.egress.detect.internal.stats;

import java.util.Arrays;

/** Order statistics that outliers and jitter do not throw off; inputs are not modified. */
public final class RobustStats {
    private RobustStats() {
    }

    /** The q-quantile (0..1) by linear interpolation between order statistics. */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sortedQuantile(sorted, q);
    }

    private static double sortedQuantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** Median absolute deviation from the median. */
    public static double mad(double[] values) {
        double m = median(values);
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = Math.abs(values[i] - m);
        }
        return median(dev);
    }

    /**
     * Bowley's quartile skewness, (Q1 + Q3 - 2 Q2) / (Q3 - Q1), in -1..1: 0 for a symmetric
     * distribution. Defined as 0 when the quartiles coincide (all values practically equal), or
     * when the spread is negligible against the median (sub-millisecond clock noise).
     */
    public static double bowleySkew(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double q1 = sortedQuantile(sorted, 0.25);
        double q2 = sortedQuantile(sorted, 0.5);
        double q3 = sortedQuantile(sorted, 0.75);
        double iqr = q3 - q1;
        if (iqr <= 1e-9 * Math.max(1, Math.abs(q2)) || iqr < 0.01 * Math.abs(q2)) {
            return 0;
        }
        return (q1 + q3 - 2 * q2) / iqr;
    }

    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /** Coefficient of variation (standard deviation over mean), 0 for an empty or zero-mean input. */
    public static double coefficientOfVariation(double[] values) {
        double mean = mean(values);
        if (mean == 0) {
            return 0;
        }
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        return Math.sqrt(sq / values.length) / mean;
    }

    /** Shannon entropy of the characters of a string, in bits per character. */
    public static double entropy(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int count : counts) {
            h -= part(count, s.length());
        }
        return h - part(other, s.length());
    }

    private static double part(int count, int total) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / total;
        return p * Math.log(p) / Math.log(2);
    }

    /** Clamps to 0..1. */
    public static double unit(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
