package org.portcullis.bench.ab;

import org.portcullis.bench.compare.BenchmarkKey;
import org.portcullis.bench.compare.BenchmarkUnit;

import java.util.List;
import java.util.Map;

/**
 * The gate's verdict on one benchmark from all its pairs so far: {@link AbVerdict#SLOWER} when the median pair
 * ratio is above the benchmark's false-alarm boundary for that many pairs and the interval (see
 * {@link PairedRatio}) lies above 1×; {@link AbVerdict#SAME} when the whole interval lies below the boundary;
 * otherwise {@link AbVerdict#UNDECIDED}, and the gate runs its workload again while the budget lasts.
 *
 * <p>The rule is one function ({@link #decide}) so that the {@link NoiseModel}'s resampling of A/A runs, which
 * sets the boundaries, applies exactly the rule the gate applies, round after round.
 *
 * @param benchmark  the full benchmark name
 * @param unit       the unit of the medians (the base's)
 * @param boundary   the rule's boundaries
 * @param pairs      every pair, in the order measured
 * @param overall    the ratio and interval over every pair
 * @param detectable the smallest slowdown (as a ratio) this run's own spread would have called slower
 * @param verdict    the outcome
 */
public record Judgement(String benchmark, BenchmarkUnit unit, Boundary boundary, List<PairedRatio.Pair> pairs,
                        PairedRatio overall, double detectable, AbVerdict verdict) {

    public Judgement {
        pairs = List.copyOf(pairs);
    }

    public static Judgement of(String benchmark, BenchmarkUnit unit, Boundary boundary, List<PairedRatio.Pair> pairs) {
        double[] logs = pairs.stream().mapToDouble(PairedRatio.Pair::logRatio).toArray();
        PairedRatio overall = PairedRatio.ofLogs(logs);
        double limit = boundary.ratio(pairs.size());
        return new Judgement(benchmark, unit, boundary, pairs, overall, Detectability.ratio(logs, limit),
                decide(overall, limit));
    }

    /** The rule, for the gate and for the resampling that sets its boundaries. */
    static AbVerdict decide(PairedRatio ratio, double boundary) {
        if (ratio.pairs() < AbGate.MIN_PAIRS) {
            return AbVerdict.UNDECIDED;
        }
        if (ratio.ratio() > boundary && ratio.low() > 1) {
            return AbVerdict.SLOWER;
        }
        // "same" needs an interval that means something: the range of 5 pairs (93.75 %) at the least. A range of
        // three (75 %) under a lenient early boundary would stop a real 10 % change after three rounds.
        return ratio.coverage() >= PairedRatio.CONFIDENCE && ratio.high() < boundary ? AbVerdict.SAME : AbVerdict.UNDECIDED;
    }

    public boolean slower() {
        return verdict == AbVerdict.SLOWER;
    }

    public boolean undecided() {
        return verdict == AbVerdict.UNDECIDED;
    }

    /** The boundary that applied to this many pairs. */
    public double limit() {
        return boundary.ratio(pairs.size());
    }

    /** Class.method, as in every other report of the pipeline. */
    public String name() {
        return BenchmarkKey.of(benchmark, "", Map.of()).shortName();
    }

    public double baseMedian() {
        return PairedRatio.median(pairs.stream().mapToDouble(PairedRatio.Pair::base).toArray());
    }

    public double headMedian() {
        return PairedRatio.median(pairs.stream().mapToDouble(PairedRatio.Pair::head).toArray());
    }
}
