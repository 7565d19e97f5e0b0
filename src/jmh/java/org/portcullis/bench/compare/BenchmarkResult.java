package org.portcullis.bench.compare;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * One benchmark's primary metric as read from a JMH-style result entry.
 *
 * <p>All figures (score, error, interval, percentiles, raw samples) are expressed in
 * {@link #unit()}. The class keeps whatever evidence the file offered, because the comparator
 * picks its statistics (Welch's t-test on samples, or confidence intervals) by what is present.
 */
public final class BenchmarkResult {

    private final BenchmarkKey key;
    private final BenchmarkUnit unit;
    /** JMH "score": the mean, in {@link #unit}. */
    private final double score;
    /** Half-width of JMH's 99.9 % confidence interval, in {@link #unit}; NaN when unknown. */
    private final double scoreError;
    /** JMH "scoreConfidence" (99.9 %), in {@link #unit}; null when absent. */
    private final Interval confidence;
    /** Percentile (0..100) to value, in {@link #unit}. */
    private final NavigableMap<Double, Double> percentiles;
    /** Flattened rawData (all forks), in {@link #unit}; empty when absent. */
    private final double[] rawValues;
    /**
     * Summary of the independent samples: one per fork for rawData (its mean; its median for single-shot
     * latency entries), every value for a sample-mode histogram; null when none.
     */
    private final StatisticalSummary samples;

    public BenchmarkResult(BenchmarkKey key, BenchmarkUnit unit, double score, double scoreError,
            Interval confidence, Map<Double, Double> percentiles, double[] rawValues, StatisticalSummary samples) {
        this.key = key;
        this.unit = unit;
        this.score = score;
        this.scoreError = scoreError;
        this.confidence = confidence;
        this.percentiles = Collections.unmodifiableNavigableMap(new TreeMap<>(percentiles));
        this.rawValues = rawValues.clone();
        this.samples = samples;
    }

    public BenchmarkKey key() {
        return key;
    }

    public BenchmarkUnit unit() {
        return unit;
    }

    /** The mean score in {@link #unit()}. */
    public double score() {
        return score;
    }

    /** JMH's 99.9 % half-width, if the file had a finite one. */
    public Optional<Double> scoreError() {
        return Double.isFinite(scoreError) ? Optional.of(scoreError) : Optional.empty();
    }

    /** JMH's reported 99.9 % interval, if the file had one. */
    public Optional<Interval> reportedConfidence() {
        return Optional.ofNullable(confidence);
    }

    /** A copy of the flattened raw values. */
    public double[] rawValues() {
        return rawValues.clone();
    }

    /** Count, mean, variance, min and max over the independent samples (forks), if any. */
    public Optional<StatisticalSummary> samples() {
        return Optional.ofNullable(samples);
    }

    /** The requested statistic in {@link #unit()}; fails when the file cannot provide it. */
    public double field(MetricField field) {
        return switch (field) {
            case MEAN -> score;
            case MIN -> percentileOrRaw(0.0, () -> samples == null ? Double.NaN : samples.getMin());
            case MAX -> percentileOrRaw(100.0, () -> samples == null ? Double.NaN : samples.getMax());
            case MEDIAN -> percentileOrRaw(50.0, () -> Double.NaN);
            case P99 -> percentileOrRaw(99.0, () -> Double.NaN);
        };
    }

    private double percentileOrRaw(double percentile, DoubleSupplier fallback) {
        Double reported = percentiles.get(percentile);
        if (reported != null && Double.isFinite(reported)) {
            return reported;
        }
        if (rawValues.length > 0) {
            if (percentile == 0.0) {
                return Arrays.stream(rawValues).min().orElseThrow();
            }
            if (percentile == 100.0) {
                return Arrays.stream(rawValues).max().orElseThrow();
            }
            return new Percentile().evaluate(rawValues, percentile);
        }
        double value = fallback.getAsDouble();
        if (Double.isFinite(value)) {
            return value;
        }
        throw new UsageException("benchmark " + key.shortName() + " has neither percentile " + percentile
                + " nor raw data");
    }

    /** The same result with every figure multiplied by {@code factor} (must be positive). */
    public BenchmarkResult scaled(double factor) {
        return rescaled(factor, unit);
    }

    /** The same result expressed in {@code target}, which must be of the same kind. */
    public BenchmarkResult convertedTo(BenchmarkUnit target) {
        if (target == unit) {
            return this;
        }
        return rescaled(unit.convert(1.0, target), target);
    }

    private BenchmarkResult rescaled(double factor, BenchmarkUnit newUnit) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new UsageException("invalid scale factor " + factor + " for " + key.shortName());
        }
        Map<Double, Double> scaledPercentiles = new TreeMap<>();
        percentiles.forEach((p, v) -> scaledPercentiles.put(p, v * factor));
        double[] scaledRaw = Arrays.stream(rawValues).map(v -> v * factor).toArray();
        StatisticalSummary scaledSamples = samples == null ? null : new StatisticalSummaryValues(
                samples.getMean() * factor, samples.getVariance() * factor * factor, samples.getN(),
                samples.getMax() * factor, samples.getMin() * factor, samples.getSum() * factor);
        return new BenchmarkResult(key, newUnit, score * factor, scoreError * factor,
                confidence == null ? null : confidence.scaled(factor), scaledPercentiles, scaledRaw, scaledSamples);
    }

    @Override
    public String toString() {
        return key + " = " + Quantities.format(score, unit);
    }
}
