package org.portcullis.bench.ab;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The A/B gate's procedure: measure every workload interleaved for some rounds, re-run the workloads of the
 * benchmarks those rounds put over their threshold for a few more (the confirmation), and judge each
 * benchmark on its pairs. Whatever the base produced and the head did not is missing and fails, unless it
 * was allowed.
 *
 * <p>A benchmark that stays {@link Judgement#undecided() undecided} after the confirmation (both ratios over
 * the threshold, the interval not yet clear of the noise band) gets rounds of its workload until it has
 * {@link PairedRatio#PAIRS_PAST_ONE_OUTLIER} pairs, once: a users/me made 2× slower whose five pairs were
 * 0.65×, 1.64×, 2.08×, 2.09× and 3.36× (one base fork ran everything slow) was let through as within noise.
 * Only undecided benchmarks pay for it; an unchanged one is rarely over its threshold twice.
 *
 * <p>A confirming fork runs its workload whole, as the measuring forks did, and only the flagged benchmarks'
 * pairs count: a sample has to come from the same kind of fork. Run alone, a latency test met a JVM that no
 * other test had warmed, and its request path ran mostly uncompiled: a users/me made 1.6× slower by two
 * extra reads measured 1.62× in the full forks and only 1.10× in users/me-only forks, and was let through.
 */
public final class AbGate {
    private final InterleavedRounds rounds;
    private final int measureRounds;
    private final int confirmRounds;
    private final Function<String, Threshold> thresholds;
    private final Set<String> allowMissing;
    private final GateScope scope;

    /**
     * @param override     one threshold for every benchmark ({@code FAIL=}), else the family defaults
     * @param allowMissing benchmarks (full or Class.method names) whose absence from the head is intended
     */
    public AbGate(InterleavedRounds rounds, int measureRounds, int confirmRounds, Optional<Threshold> override,
                  Set<String> allowMissing) {
        this(rounds, measureRounds, confirmRounds, override, allowMissing, GateScope.all());
    }

    /** @param scope the workloads run and the benchmarks judged ({@code --only}) */
    public AbGate(InterleavedRounds rounds, int measureRounds, int confirmRounds, Optional<Threshold> override,
                  Set<String> allowMissing, GateScope scope) {
        this.scope = scope;
        this.rounds = rounds;
        this.measureRounds = measureRounds;
        this.confirmRounds = confirmRounds;
        this.thresholds = override.<Function<String, Threshold>>map(fixed -> name -> fixed).orElse(Threshold::defaultFor);
        this.allowMissing = Set.copyOf(allowMissing);
    }

    public GateResult run(String baseLabel, String headLabel, long seed) {
        long start = System.nanoTime();
        Observations measured = rounds.run(scope.workloads(), measureRounds, "measure");
        Set<String> flagged = new TreeSet<>();
        Set<Workload> toConfirm = EnumSet.noneOf(Workload.class);
        for (String benchmark : measured.paired()) {
            if (scope.includes(benchmark) && Judgement.isFlagged(PairedRatio.of(measured.pairs(benchmark)), thresholds.apply(benchmark))) {
                flagged.add(benchmark);
                toConfirm.add(Workload.of(benchmark));
            }
        }
        Observations confirmed = toConfirm.isEmpty() ? new Observations() : rounds.run(toConfirm, confirmRounds, "confirm");
        List<Judgement> judgements = judge(measured, flagged, confirmed);

        Set<Workload> toExtend = EnumSet.noneOf(Workload.class);
        judgements.stream().filter(Judgement::undecided).forEach(j -> toExtend.add(Workload.of(j.benchmark())));
        int extendRounds = PairedRatio.PAIRS_PAST_ONE_OUTLIER - measureRounds - confirmRounds;
        if (!toExtend.isEmpty() && extendRounds > 0) {
            confirmed.addAll(rounds.run(toExtend, extendRounds, "confirm further"));
            judgements = judge(measured, flagged, confirmed);
        }
        List<String> missing = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        for (String benchmark : measured.producedBy("base")) {
            if (scope.includes(benchmark) && !measured.producedBy("head").contains(benchmark)) {
                (isAllowed(benchmark) ? allowed : missing).add(benchmark);
            }
        }
        Set<String> added = new LinkedHashSet<>(measured.producedBy("head"));
        added.removeIf(benchmark -> !scope.includes(benchmark));
        added.removeAll(measured.producedBy("base"));
        List<String> errors = new ArrayList<>(measured.errors());
        errors.addAll(confirmed.errors());
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        return new GateResult(baseLabel, headLabel, judgements, missing, allowed, List.copyOf(added), errors,
                measureRounds, confirmRounds, seed, seconds);
    }

    private List<Judgement> judge(Observations measured, Set<String> flagged, Observations confirmed) {
        List<Judgement> judgements = new ArrayList<>();
        for (String benchmark : measured.paired().stream().filter(scope::includes).toList()) {
            judgements.add(Judgement.of(benchmark, measured.unit(benchmark), thresholds.apply(benchmark),
                    measured.pairs(benchmark), flagged.contains(benchmark) ? confirmed.pairs(benchmark) : List.of()));
        }
        return judgements;
    }

    private boolean isAllowed(String benchmark) {
        String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        return allowMissing.contains(benchmark) || allowMissing.contains(shortName);
    }
}
