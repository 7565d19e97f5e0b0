package org.portcullis.bench.ab;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.List;

/**
 * The head/base ratio of one benchmark over its pairs, with a confidence interval.
 *
 * <p>Each round ran one fork of base and one of head close together in time, so a machine that got busier
 * slowed both: the pair's ratio cancels it, which two independent sets of samples cannot. The statistic is
 * the mean of the pairs' log ratios (a geometric mean ratio: 2× slower and 2× faster are symmetric), with
 * Student's t interval on the logs, for the few pairs a six-minute run can afford (a bootstrap needs more).
 * With fewer than two pairs there is no interval, and it is (0, ∞): nothing can be excluded.
 *
 * @param pairs the number of pairs
 * @param ratio the geometric mean of head/base
 * @param low   the interval's lower end
 * @param high  the interval's upper end
 */
public record PairedRatio(int pairs, double ratio, double low, double high) {
    /** The interval's confidence level. */
    public static final double CONFIDENCE = 0.95;

    /** One round's figures of one benchmark, in the same unit. */
    public record Pair(double base, double head) {
        double logRatio() {
            return Math.log(head / base);
        }
    }

    public static PairedRatio of(List<Pair> pairs) {
        int n = pairs.size();
        if (n == 0) {
            throw new IllegalArgumentException("no pairs");
        }
        double mean = pairs.stream().mapToDouble(Pair::logRatio).average().orElseThrow();
        if (n < 2) {
            return new PairedRatio(n, Math.exp(mean), 0, Double.POSITIVE_INFINITY);
        }
        double squares = pairs.stream().mapToDouble(pair -> Math.pow(pair.logRatio() - mean, 2)).sum();
        double standardError = Math.sqrt(squares / (n - 1) / n);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return new PairedRatio(n, Math.exp(mean), Math.exp(mean - t * standardError), Math.exp(mean + t * standardError));
    }
}
