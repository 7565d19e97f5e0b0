package org.portcullis.bench.ab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * Each benchmark's false-alarm boundary, set from the A/A archive so that a whole gate run of unchanged code
 * calls anything slower at most {@link #RUN_FALSE_ALARMS} of the time (1 in 20).
 *
 * <p>How: for every archived benchmark, the medians of n pairs drawn with replacement from its A/A log ratios
 * (its own when it has {@link #MIN_POOL} of them, else its family's in the same placement) give, for each n,
 * the median's upper quantile at a tail probability β; that quantile is the boundary for n pairs. Then whole
 * runs are simulated from the same pools exactly as the gate runs them: every benchmark gets pairs one round at
 * a time and is judged by {@link Judgement#decide} after each, stops when decided, and a run false-alarms if
 * any benchmark is ever called slower. β is the largest that keeps the simulated false alarms at or below 1 in
 * 20 (bisection over β with the same simulated draws, so the rate only grows with β). The looks after every
 * round, the number of benchmarks and their correlation-free noise are therefore all in the boundary, not in a
 * Bonferroni guess. What it cannot know: a machine noisier than the archived days (the report's detectable
 * effect shows that), and noise shared between benchmarks of one fork (it treats them as independent).
 *
 * <p>A benchmark with no pool (a new one, or a platform without an archive) keeps its family default.
 */
public final class NoiseModel {
    static final double RUN_FALSE_ALARMS = 0.05;
    /** Fewer archived pairs than this and a benchmark borrows its family's pool. */
    static final int MIN_POOL = 12;
    /**
     * Fewer archived A/A runs than this and every benchmark keeps its family default. A run's forks share its
     * day and its machine: the first archived run on 7 December (4 token pairs a benchmark) set a token
     * boundary of 1.107×, and the second A/A run called verifyRememberedAccessToken slower at 1.278× on a pair
     * of 4.9× that the first had never shown.
     */
    static final int MIN_RUNS = 5;
    private static final long GATE_SEED = 20261207L;
    private static final int BOOTSTRAP = 4000;
    private static final int SIMULATED_RUNS = 2000;
    /** A boundary never below 0.5 %: below that, a pool too regular to be true (or too small) is speaking. */
    private static final double FLOOR = Math.log(1.005);

    private final Map<String, Boundary> boundaries;
    /** Per benchmark with a boundary of its own, the A/A log ratios it was resampled from. */
    private final Map<String, double[]> pools;
    private final double tail;
    private final double falseAlarms;
    private final int runs;

    private NoiseModel(Map<String, Boundary> boundaries, Map<String, double[]> pools, double tail, double falseAlarms,
                       int runs) {
        this.boundaries = boundaries;
        this.pools = pools;
        this.tail = tail;
        this.falseAlarms = falseAlarms;
        this.runs = runs;
    }

    /**
     * The gate's model: up to {@link AbGate#MAX_PAIRS} pairs, resampled with one fixed seed so that one archive gives
     * every run, and {@code make benchmark-power}, the same boundaries.
     */
    public static NoiseModel forGate(NoiseArchive archive, Function<String, Placement> placementOf) {
        return of(archive, placementOf, AbGate.MAX_PAIRS, GATE_SEED);
    }

    /**
     * @param placementOf the placement the gate will measure each benchmark with (only those pools count)
     * @param maxPairs    the most pairs a benchmark can get in one run
     */
    public static NoiseModel of(NoiseArchive archive, Function<String, Placement> placementOf, int maxPairs, long seed) {
        Map<String, double[]> pools = new LinkedHashMap<>();
        Map<String, String> sources = new HashMap<>();
        Map<String, List<Double>> families = new HashMap<>();
        for (NoiseArchive.Pool pool : archive.pools()) {
            if (pool.placement() == placementOf.apply(pool.benchmark())) {
                families.computeIfAbsent(family(pool.benchmark(), pool.placement()), k -> new ArrayList<>())
                        .addAll(pool.logRatios());
            }
        }
        for (NoiseArchive.Pool pool : archive.pools()) {
            if (pool.placement() != placementOf.apply(pool.benchmark())) {
                continue;
            }
            List<Double> family = families.get(family(pool.benchmark(), pool.placement()));
            if (pool.logRatios().size() >= MIN_POOL) {
                pools.put(pool.benchmark(), toArray(pool.logRatios()));
                sources.put(pool.benchmark(), String.format(Locale.ROOT, "A/A archive, %d pairs (%s)",
                        pool.logRatios().size(), pool.placement().label()));
            } else if (family.size() >= MIN_POOL) {
                pools.put(pool.benchmark(), toArray(family));
                sources.put(pool.benchmark(), String.format(Locale.ROOT, "A/A archive, family's %d pairs (%s)",
                        family.size(), pool.placement().label()));
            }
        }
        if (pools.isEmpty() || archive.runs() < MIN_RUNS) {
            return new NoiseModel(Map.of(), Map.of(), Double.NaN, Double.NaN, archive.runs());
        }
        Random random = new Random(seed);
        int looks = maxPairs - AbGate.MIN_PAIRS + 1;
        List<String> names = new ArrayList<>(pools.keySet());
        double[][][] medians = new double[names.size()][looks][];
        double[][][] draws = new double[SIMULATED_RUNS][names.size()][maxPairs];
        for (int b = 0; b < names.size(); b++) {
            double[] pool = pools.get(names.get(b));
            for (int look = 0; look < looks; look++) {
                int n = AbGate.MIN_PAIRS + look;
                double[] values = new double[BOOTSTRAP];
                double[] sample = new double[n];
                for (int i = 0; i < BOOTSTRAP; i++) {
                    for (int j = 0; j < n; j++) {
                        sample[j] = pool[random.nextInt(pool.length)];
                    }
                    values[i] = PairedRatio.ofLogs(sample).ratio();
                }
                Arrays.sort(values);
                medians[b][look] = values;
            }
            for (int run = 0; run < SIMULATED_RUNS; run++) {
                for (int j = 0; j < maxPairs; j++) {
                    draws[run][b][j] = pool[random.nextInt(pool.length)];
                }
            }
        }
        // Bisection on log β: the simulated rate grows with β (same draws, lower boundaries).
        double low = Math.log(1e-6);
        double high = Math.log(0.5);
        for (int step = 0; step < 24; step++) {
            double middle = (low + high) / 2;
            if (falseAlarmRate(draws, medians, Math.exp(middle), maxPairs) <= RUN_FALSE_ALARMS) {
                low = middle;
            } else {
                high = middle;
            }
        }
        double tail = Math.exp(low);
        Map<String, Boundary> boundaries = new HashMap<>();
        for (int b = 0; b < names.size(); b++) {
            String name = names.get(b);
            boundaries.put(name, new Boundary(Threshold.defaultFor(name).family(), sources.get(name),
                    ratios(medians[b], tail)));
        }
        return new NoiseModel(boundaries, pools, tail, falseAlarmRate(draws, medians, tail, maxPairs), archive.runs());
    }

    /** The benchmark's boundary, or its family default when the archive has nothing for it. */
    public Boundary boundary(String benchmark) {
        return boundaries.getOrDefault(benchmark, Boundary.familyDefault(benchmark));
    }

    /** The benchmarks whose boundaries come from the archive, in name order. */
    public List<String> archived() {
        return pools.keySet().stream().sorted().toList();
    }

    /**
     * The chance that the gate's verdict on {@code benchmark} is "slower" when a change makes it {@code effect} times
     * slower and the run ends after {@code pairs[i]} pairs of it: runs of pairs drawn from the pool its boundary came
     * from (its own, or its family's), each shifted by the effect, judged on all of them by the gate's rule and
     * boundaries. That is the verdict a whole run reports: a workload runs on while any of its benchmarks is
     * undecided, each is judged again on every pair, and the last verdict stands. (A run judging one benchmark
     * alone, {@code AB_ONLY}, stops at its first verdict instead.) Each simulated run draws the most pairs once, so
     * the figures for fewer pairs come from the same runs. Empty for a benchmark the archive does not cover.
     * What it cannot know is what the boundaries cannot: a noisier day than the archived ones.
     *
     * @param effect the head/base ratio of the change, e.g. 1.10
     * @param pairs  the pair counts, each from {@link AbGate#MIN_PAIRS}
     * @param runs   how many runs to simulate
     * @return per pair count, the share of runs called slower
     */
    public Optional<double[]> power(String benchmark, double effect, int[] pairs, int runs, long seed) {
        if (effect <= 0 || runs < 1 || Arrays.stream(pairs).anyMatch(n -> n < AbGate.MIN_PAIRS)) {
            throw new IllegalArgumentException("effect " + effect + ", runs " + runs + ", pairs " + Arrays.toString(pairs));
        }
        double[] pool = pools.get(benchmark);
        if (pool == null) {
            return Optional.empty();
        }
        Boundary boundary = boundaries.get(benchmark);
        Random random = new Random(seed);
        double shift = Math.log(effect);
        double[] logs = new double[Arrays.stream(pairs).max().orElse(0)];
        int[] caught = new int[pairs.length];
        for (int run = 0; run < runs; run++) {
            for (int j = 0; j < logs.length; j++) {
                logs[j] = pool[random.nextInt(pool.length)] + shift;
            }
            for (int i = 0; i < pairs.length; i++) {
                PairedRatio judged = PairedRatio.ofLogs(Arrays.copyOf(logs, pairs[i]));
                caught[i] += Judgement.decide(judged, boundary.ratio(pairs[i])) == AbVerdict.SLOWER ? 1 : 0;
            }
        }
        return Optional.of(Arrays.stream(caught).mapToDouble(c -> (double) c / runs).toArray());
    }

    /** For the report: what the boundaries rest on. */
    public String describe() {
        if (boundaries.isEmpty()) {
            return runs == 0 ? "no A/A archive for this platform: family defaults (make benchmark-ab BASE=HEAD on a"
                    + " clean tree archives one run)" : "A/A archive of " + runs + " runs, fewer than " + MIN_RUNS
                    + ": family defaults";
        }
        return String.format(Locale.ROOT, "boundaries resampled from %d archived A/A runs: simulated false alarms"
                + " %.1f %% of runs (at most %.0f %%), median tail %.2g", runs, falseAlarms * 100,
                RUN_FALSE_ALARMS * 100, tail);
    }

    private static double[] ratios(double[][] medians, double tail) {
        double[] ratios = new double[medians.length];
        for (int look = 0; look < medians.length; look++) {
            ratios[look] = Math.exp(Math.max(FLOOR, Math.log(quantile(medians[look], tail))));
        }
        return ratios;
    }

    /** The upper {@code tail} quantile of sorted bootstrap medians (ratios). */
    private static double quantile(double[] sorted, double tail) {
        int index = (int) Math.ceil((1 - tail) * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double falseAlarmRate(double[][][] draws, double[][][] medians, double tail, int maxPairs) {
        double[][] boundaries = new double[medians.length][];
        for (int b = 0; b < medians.length; b++) {
            boundaries[b] = ratios(medians[b], tail);
        }
        int alarms = 0;
        for (double[][] run : draws) {
            runs:
            for (int b = 0; b < run.length; b++) {
                for (int n = AbGate.MIN_PAIRS; n <= maxPairs; n++) {
                    AbVerdict verdict = Judgement.decide(PairedRatio.ofLogs(Arrays.copyOf(run[b], n)),
                            boundaries[b][n - AbGate.MIN_PAIRS]);
                    if (verdict == AbVerdict.SLOWER) {
                        alarms++;
                        break runs;
                    }
                    if (verdict == AbVerdict.SAME) {
                        break;
                    }
                }
            }
        }
        return (double) alarms / draws.length;
    }

    private static String family(String benchmark, Placement placement) {
        return Threshold.defaultFor(benchmark).family() + "@" + placement.label();
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
