package org.portcullis.bench.ab;

import org.portcullis.bench.compare.BenchmarkKey;
import org.portcullis.bench.compare.BenchmarkUnit;
import org.portcullis.bench.compare.Verdict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gate's verdict on one benchmark, from the pairs of the measuring rounds and, when those put it over
 * its threshold, the pairs of the confirmation rounds that re-ran the flagged benchmarks' workloads.
 *
 * <p>It fails ({@link Verdict#REGRESSION}) only when all three hold: the ratio over every pair is above the
 * threshold, the interval over every pair (see {@link PairedRatio}) lies wholly above the noise band, and the confirmation pairs
 * on their own are above the threshold too. One noisy round can push the first ratio over; it cannot also
 * make a fresh set of forks, run minutes later, agree. Anything flagged that fails a condition is
 * {@link Verdict#WITHIN_NOISE}: reported, not failed.
 *
 * @param benchmark    the full benchmark name
 * @param unit         the unit of the medians (the base's)
 * @param threshold    the rule applied
 * @param pairs        every pair, measuring rounds first
 * @param overall      the ratio over every pair
 * @param confirmation the ratio over the confirmation pairs, when there were any
 * @param verdict      the outcome
 */
public record Judgement(String benchmark, BenchmarkUnit unit, Threshold threshold, List<PairedRatio.Pair> pairs,
                        PairedRatio overall, Optional<PairedRatio> confirmation, Verdict verdict) {

    public Judgement {
        pairs = List.copyOf(pairs);
    }

    /** Judges one benchmark; {@code confirmed} is empty when it was not flagged (or the confirmation ran nothing). */
    public static Judgement of(String benchmark, BenchmarkUnit unit, Threshold threshold,
                               List<PairedRatio.Pair> measured, List<PairedRatio.Pair> confirmed) {
        List<PairedRatio.Pair> all = new ArrayList<>(measured);
        all.addAll(confirmed);
        PairedRatio overall = PairedRatio.of(all);
        Optional<PairedRatio> confirmation = confirmed.isEmpty() ? Optional.empty()
                : Optional.of(PairedRatio.of(confirmed));
        Verdict verdict;
        if (!isFlagged(PairedRatio.of(measured), threshold)) {
            verdict = Verdict.OK;
        } else if (overAndConfirmed(overall, confirmation, threshold) && overall.low() > threshold.noiseBand()) {
            verdict = Verdict.REGRESSION;
        } else {
            verdict = Verdict.WITHIN_NOISE;
        }
        return new Judgement(benchmark, unit, threshold, all, overall, confirmation, verdict);
    }

    /**
     * Whether more pairs could settle this benchmark: it was flagged, its ratio and its confirmation's are
     * both over the threshold, and only the interval still reaches into the noise band. With few pairs the
     * interval is their range, so a single outlying fork (a JVM in which every endpoint ran slow) keeps a
     * real regression "within noise"; the gate then runs more rounds of its workload.
     */
    public boolean undecided() {
        // Within noise although over and confirmed: only the interval's low end can have held it back.
        return verdict == Verdict.WITHIN_NOISE && overAndConfirmed(overall, confirmation, threshold);
    }

    /** The ratio over every pair and the confirmation's both above the threshold. */
    private static boolean overAndConfirmed(PairedRatio overall, Optional<PairedRatio> confirmation,
                                            Threshold threshold) {
        return overall.ratio() > threshold.ratio()
                && confirmation.map(ratio -> ratio.ratio() > threshold.ratio()).orElse(false);
    }

    /** Whether the measuring rounds put a benchmark over its threshold, so that it is re-run to confirm. */
    public static boolean isFlagged(PairedRatio measured, Threshold threshold) {
        return measured.ratio() > threshold.ratio();
    }

    /** Class.method, as in every other report of the pipeline. */
    public String name() {
        return BenchmarkKey.of(benchmark, "", Map.of()).shortName();
    }

    public double baseMedian() {
        return median(pairs.stream().mapToDouble(PairedRatio.Pair::base).toArray());
    }

    public double headMedian() {
        return median(pairs.stream().mapToDouble(PairedRatio.Pair::head).toArray());
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
