package org.portcullis.bench.ab;

import java.util.Arrays;

/**
 * "Detectable at today's noise": the smallest slowdown that this run, with its own spread and number of
 * pairs, would have called slower four times in five. A pass then says what it could not have seen: on a
 * quiet day usersMe may show ≥ 6 %, on a noisy one ≥ 25 %, and a 10 % change passing the noisy day is no
 * evidence that it is harmless.
 *
 * <p>The spread is robust (1.4826 × the median absolute deviation of the log ratios, the normal-consistent
 * scale that one wild fork cannot inflate); the median of n pairs then scatters by about 1.2533 σ/√n, and a
 * shift of the boundary plus 0.8416 of those (the normal's 80th percentile) is over the boundary with
 * probability 0.8.
 */
final class Detectability {
    static final double POWER_Z = 0.8416;

    private Detectability() {
    }

    /** As a ratio (1.10 = 10 % slower); NaN with fewer than 3 pairs. */
    static double ratio(double[] logRatios, double boundary) {
        int n = logRatios.length;
        if (n < 3) {
            return Double.NaN;
        }
        double sigma = 1.4826 * mad(logRatios);
        return Math.exp(Math.log(boundary) + POWER_Z * 1.2533 * sigma / Math.sqrt(n));
    }

    static double mad(double[] values) {
        double median = PairedRatio.median(values);
        return PairedRatio.median(Arrays.stream(values).map(value -> Math.abs(value - median)).toArray());
    }
}
