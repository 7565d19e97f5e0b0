package org.portcullis.bench.ab;

import java.util.List;

/**
 * The head/base ratio of one benchmark over its pairs, with a confidence interval.
 *
 * <p>Each round ran one fork of base and one of head close together in time, so a machine that got busier
 * slowed both: the pair's ratio cancels it, which two independent sets of samples cannot. The ratio is the
 * median of the pairs' ratios (on the logs, so that 2× slower and 2× faster are symmetric), and the
 * interval the sign test's distribution-free interval for that median: the k-th smallest and k-th largest
 * pair ratio, with k as large as keeps its coverage at least {@link #CONFIDENCE}. With the gate's 5 pairs
 * that is the smallest and the largest pair (1 − 2/2⁵ = 93.75 %); with 9 or more the extremes drop out.
 *
 * <p>Why not Student's t on the log ratios: noise here is per fork and often fork-wide (a JVM in which every
 * endpoint ran slow), and one such fork widened the t interval so far that a users/me whose five pairs were
 * all 1.26× to 3.53× slower was judged within noise. An outlier in the direction of a regression must not
 * make the gate less sure of it; order statistics do not care how far out a pair lies.
 *
 * <p>With fewer than two pairs there is no interval, and it is (0, ∞): nothing can be excluded.
 *
 * @param pairs    the number of pairs
 * @param ratio    the median head/base ratio
 * @param low      the interval's lower end
 * @param high     the interval's upper end
 * @param coverage the interval's confidence level (below {@link #CONFIDENCE} with fewer than 5 pairs)
 */
public record PairedRatio(int pairs, double ratio, double low, double high, double coverage) {
    /** The least coverage the interval is chosen for: that of the range of 5 pairs. */
    public static final double CONFIDENCE = 0.9375;
    /** The fewest pairs whose interval reaches {@link #CONFIDENCE}: the range of 5 (1 − 2/2⁵). */
    public static final int MIN_PAIRS = 5;
    /**
     * The fewest pairs whose interval at {@link #CONFIDENCE} leaves out the most extreme pair at each end
     * (the 2nd smallest to the 2nd largest of 9: 96.1 %; of 8 it would be 93.0 %): from here one outlying
     * fork can no longer decide the interval.
     */
    public static final int PAIRS_PAST_ONE_OUTLIER = 9;

    /** One round's figures of one benchmark, in the same unit. */
    public record Pair(double base, double head) {
        public double logRatio() {
            return Math.log(head / base);
        }
    }

    public static PairedRatio of(List<Pair> pairs) {
        return ofLogs(pairs.stream().mapToDouble(Pair::logRatio).toArray());
    }

    /** The same from the pairs' log ratios (any order; the array is left as it was). */
    public static PairedRatio ofLogs(double[] logRatios) {
        int n = logRatios.length;
        if (n == 0) {
            throw new IllegalArgumentException("no pairs");
        }
        double[] logs = logRatios.clone();
        java.util.Arrays.sort(logs);
        double median = sortedMedian(logs);
        if (n < 2) {
            return new PairedRatio(n, Math.exp(median), 0, Double.POSITIVE_INFINITY, 0);
        }
        int k = 1;
        while (k + 1 <= n / 2 && coverage(n, k + 1) >= CONFIDENCE) {
            k++;
        }
        return new PairedRatio(n, Math.exp(median), Math.exp(logs[k - 1]), Math.exp(logs[n - k]), coverage(n, k));
    }

    /** The median of any values (the array is left as it was). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sortedMedian(sorted);
    }

    private static double sortedMedian(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The sign test's coverage of [k-th smallest, k-th largest] of n values for their median: 1 − 2·P(B ≤ k−1), B ~ Bin(n, ½). */
    static double coverage(int n, int k) {
        double tail = 0;
        double choose = 1;
        for (int i = 0; i < k; i++) {
            tail += choose;
            choose = choose * (n - i) / (i + 1);
        }
        return 1 - 2 * tail / Math.pow(2, n);
    }
}
