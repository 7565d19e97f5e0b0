package org.portcullis.bench.compare;

import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Decides whether the difference between a baseline and a current result is real or noise.
 *
 * <p>A threshold alone would fail CI on every noisy runner, so a regression also has to be
 * statistically significant:
 * <ul>
 *   <li>when both sides have at least two independent samples (forks of rawData, or a JMH sample
 *       histogram), Welch's unequal-variance t-test (commons-math3 {@link TTest}) on them, two-sided,
 *       significant when p &lt; {@value #ALPHA}. The iterations of one fork are not such samples (they share
 *       one JIT compilation): a test on them finds two forks of identical code "significantly" different;</li>
 *   <li>otherwise the two 99.9 % confidence intervals must not overlap. An interval comes from
 *       JMH's scoreConfidence (which is 99.9 %), else score ± scoreError, else from the samples
 *       with Student's t; a side with no interval information at all counts as significant,
 *       so missing statistics never hide a regression.</li>
 * </ul>
 * The test is about the samples' means whatever field the fail expression names (a p99 or max
 * threshold still needs the whole distribution to have moved), so a lone outlier cannot fail CI.
 * Welch was chosen over Mann–Whitney U because JMH iteration scores are means of many operations
 * and therefore close to normal, and because it works from summaries (histograms) too.
 */
public final class Significance {

    /** Two-sided significance level of the t-test. */
    public static final double ALPHA = 0.01;
    /** Confidence level of the fallback intervals, matching JMH's scoreConfidence. */
    public static final double CONFIDENCE_LEVEL = 0.999;
    /** The rule as printed next to the fail formula. */
    public static final String RULE = "Welch p < 0.01 on forks, or non-overlapping 99.9% CIs with fewer than 2 forks";

    /** The outcome of a test: whether it is significant and a short human-readable reason. */
    public record Evidence(boolean significant, String detail) {
    }

    private Significance() {
    }

    /** Tests whether {@code baseline} and {@code current} (same unit) differ significantly. */
    public static Evidence assess(BenchmarkResult baseline, BenchmarkResult current) {
        Optional<StatisticalSummary> before = baseline.samples().filter(s -> s.getN() >= 2);
        Optional<StatisticalSummary> after = current.samples().filter(s -> s.getN() >= 2);
        if (before.isPresent() && after.isPresent()) {
            return welch(before.get(), after.get());
        }
        Optional<Interval> beforeInterval = interval(baseline);
        Optional<Interval> afterInterval = interval(current);
        if (beforeInterval.isEmpty() || afterInterval.isEmpty()) {
            return new Evidence(true, "no interval data, assumed significant");
        }
        boolean disjoint = !beforeInterval.get().overlaps(afterInterval.get());
        return new Evidence(disjoint, disjoint ? "99.9% CIs disjoint" : "99.9% CIs overlap");
    }

    private static Evidence welch(StatisticalSummary before, StatisticalSummary after) {
        if (before.getVariance() == 0 && after.getVariance() == 0) {
            boolean differ = before.getMean() != after.getMean();
            return new Evidence(differ, "zero variance, means " + (differ ? "differ" : "equal"));
        }
        double p = new TTest().tTest(before, after);
        return new Evidence(p < ALPHA, String.format(Locale.ROOT, "Welch p=%.2g", p));
    }

    /** The 99.9 % interval of a result's mean, from the best information the file offers. */
    static Optional<Interval> interval(BenchmarkResult result) {
        Optional<Interval> reported = result.reportedConfidence();
        if (reported.isPresent()) {
            return reported;
        }
        Optional<Double> error = result.scoreError();
        if (error.isPresent()) {
            return Optional.of(Interval.around(result.score(), error.get()));
        }
        return result.samples().filter(s -> s.getN() >= 2).map(Significance::fromSamples);
    }

    private static Interval fromSamples(StatisticalSummary samples) {
        double quantile = new TDistribution(samples.getN() - 1.0)
                .inverseCumulativeProbability(1 - (1 - CONFIDENCE_LEVEL) / 2);
        return Interval.around(samples.getMean(), quantile * samples.getStandardDeviation() / Math.sqrt(samples.getN()));
    }
}
