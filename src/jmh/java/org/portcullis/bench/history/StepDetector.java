package org.portcullis.bench.history;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the one place where a series of nightly head/anchor ratios moved: a step change, or the middle of a
 * slow creep (ten +3 % merges look, against the run-to-run noise, like a step of +34 % somewhere among them).
 *
 * <p>The test is "at most one change" over the logs of the ratios: every split into a before and an after of
 * at least {@link #MIN_SEGMENT} runs is scored by the difference of the two medians in units of its standard
 * error, z = (median after − median before) / (1.2533 σ √(1/n₁ + 1/n₂)), and the split with the largest |z|
 * is the candidate. Medians, so one night on a busy runner cannot make a step; 1.2533 is the median's
 * standard error over the mean's for normal noise.
 *
 * <p>σ, the noise of one run, comes from the series itself: the median absolute deviation of successive
 * differences (× 1.4826 / √2). A step adds one large difference and a steady creep shifts them all by the same
 * amount, so neither inflates it, and each benchmark is judged against its own scatter (bcrypt ±1 %, the
 * endpoints ±8 %, the token benches more) with no table of noise levels to keep up to date.
 *
 * <p>It is slower when z ≥ {@link #Z} and the after median is at least {@link #MIN_SHIFT} × the before
 * median. Z = 4.5 was set by simulation (HistoryCli's scatter, normal noise with 5 % of runs 3-5 σ out): a flat
 * series of 8 to 60 runs is flagged in ≤ 0.3 % of cases at σ = 4 %, ≤ 0.6 % at σ = 8 %; ten +3 % merges in the
 * middle of 30 runs are flagged in 100 % of cases at σ = 4 % and 92 % at σ = 8 %. The 5 % floor keeps a real
 * but harmless 2 % move of a very steady benchmark (bcrypt) from failing the nightly job.
 */
public final class StepDetector {
    /** The least |z| of a step. */
    public static final double Z = 4.5;
    /** The fewest runs on each side of a step, so that neither median is one or two nights. */
    public static final int MIN_SEGMENT = 4;
    /** The least after/before ratio (or before/after, for a faster step) that counts. */
    public static final double MIN_SHIFT = 1.05;
    /** σ never below this (0.1 %): a series of identical figures has no scatter to divide by. */
    private static final double MIN_SIGMA = 0.001;
    private static final double MEDIAN_EFFICIENCY = 1.2533;

    /**
     * The strongest split of a series.
     *
     * @param at     the index of the first run after the step
     * @param before the median ratio before it
     * @param after  the median ratio from it on
     * @param z      the standardised shift of the log medians (positive: slower)
     * @param sigma  the noise of one run, on the log scale (0.04 ≈ ±4 %)
     */
    public record Step(int at, double before, double after, double z, double sigma) {
        public double shift() {
            return after / before;
        }

        public boolean slower() {
            return z >= Z && shift() >= MIN_SHIFT;
        }

        public boolean faster() {
            return z <= -Z && shift() <= 1 / MIN_SHIFT;
        }
    }

    private StepDetector() {
    }

    /** The strongest split, or empty when the series is shorter than two segments. Ratios must be positive. */
    public static Optional<Step> strongest(List<Double> ratios) {
        int n = ratios.size();
        if (n < 2 * MIN_SEGMENT) {
            return Optional.empty();
        }
        double[] logs = ratios.stream().mapToDouble(Math::log).toArray();
        double sigma = sigma(logs);
        Step best = null;
        for (int at = MIN_SEGMENT; at <= n - MIN_SEGMENT; at++) {
            double before = median(Arrays.copyOfRange(logs, 0, at));
            double after = median(Arrays.copyOfRange(logs, at, n));
            double z = (after - before) / (MEDIAN_EFFICIENCY * sigma * Math.sqrt(1.0 / at + 1.0 / (n - at)));
            if (best == null || Math.abs(z) > Math.abs(best.z())) {
                best = new Step(at, Math.exp(before), Math.exp(after), z, sigma);
            }
        }
        return Optional.of(best);
    }

    /** One run's noise from the successive differences: MAD × 1.4826 / √2, at least {@link #MIN_SIGMA}. */
    static double sigma(double[] logs) {
        double[] differences = new double[logs.length - 1];
        for (int i = 0; i < differences.length; i++) {
            differences[i] = logs[i + 1] - logs[i];
        }
        double centre = median(differences.clone());
        double[] deviations = Arrays.stream(differences).map(d -> Math.abs(d - centre)).toArray();
        return Math.max(MIN_SIGMA, 1.4826 * median(deviations) / Math.sqrt(2));
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
