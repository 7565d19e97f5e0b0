package org.portcullis.bench.ab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The A/B gate's procedure: {@link #MIN_PAIRS} rounds of every workload, then, round by round, more of the
 * workloads that still hold an {@link AbVerdict#UNDECIDED undecided} benchmark, for as long as the time
 * budget has room for another round of them (the most suspicious first) and up to {@link #MAX_PAIRS} pairs.
 * Clear cases stop early: a bcrypt cost step is slower after three pairs, an unchanged workload the same after
 * five, and the rest of the budget goes to the benchmarks near their boundary.
 *
 * <p>Every fork runs its workload whole: run alone, a latency test met a JVM that no other test had warmed,
 * and a users/me made 1.6× slower measured only 1.10× (a sample has to come from the same kind of fork). Judging
 * one benchmark, an alternating round's client ends the mix with it ({@link InterleavedRounds#judgingOnly}):
 * what comes after it cannot change its sample.
 * Whatever the base produced and the head did not is missing and fails, unless it was allowed.
 */
public final class AbGate {
    /** Pairs before any verdict: "slower" may come from three; "same" needs five (see {@link Judgement#decide}). */
    public static final int MIN_PAIRS = 3;
    /** The most pairs one benchmark gets: past this the median moves little, and the budget is better spent elsewhere. */
    public static final int MAX_PAIRS = 12;

    private final InterleavedRounds rounds;
    private final Set<Workload> workloads;
    private final Optional<String> only;
    private final Function<String, Boundary> boundaries;
    private final long budgetNanos;
    private final Set<String> allowMissing;
    private final String boundariesNote;

    /**
     * @param only         the one benchmark to judge (full name; its workload runs whole), else every one
     * @param boundaries   each benchmark's false-alarm boundary
     * @param budgetNanos  time left for measuring when the gate starts; {@link Long#MAX_VALUE} for none
     * @param allowMissing benchmarks (full or Class.method names) whose absence from the head is intended
     * @param boundariesNote what the boundaries rest on, for the report
     */
    public AbGate(InterleavedRounds rounds, Optional<String> only, Function<String, Boundary> boundaries,
                  long budgetNanos, Set<String> allowMissing, String boundariesNote) {
        this.rounds = rounds;
        this.only = only;
        this.workloads = only.map(name -> EnumSet.of(Workload.of(name))).orElse(EnumSet.allOf(Workload.class));
        this.boundaries = boundaries;
        this.budgetNanos = budgetNanos;
        this.allowMissing = Set.copyOf(allowMissing);
        this.boundariesNote = boundariesNote;
    }

    public GateResult run(String baseLabel, String headLabel, long seed, boolean strict) {
        long start = System.nanoTime();
        Observations all = new Observations();
        List<Workload> active = Workload.ordered(workloads);
        List<Judgement> judgements = List.of();
        boolean outOfTime = false;
        while (!active.isEmpty()) {
            if (rounds.rounds() >= MIN_PAIRS) {
                List<Workload> affordable = affordable(active, judgements);
                outOfTime = affordable.size() < active.size();
                active = affordable;
                if (active.isEmpty()) {
                    break;
                }
            }
            all.addAll(rounds.round(active, rounds.rounds() < MIN_PAIRS ? "measure" : "decide"));
            judgements = judge(all);
            if (rounds.rounds() >= MIN_PAIRS) {
                active = stillUndecided(judgements);
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        for (String benchmark : all.producedBy("base")) {
            if (only.isPresent() && !only.get().equals(benchmark)) {
                continue;
            }
            if (!all.producedBy("head").contains(benchmark)) {
                (isAllowed(benchmark) ? allowed : missing).add(benchmark);
            }
        }
        Set<String> added = new LinkedHashSet<>(all.producedBy("head"));
        added.removeAll(all.producedBy("base"));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        return new GateResult(baseLabel, headLabel, judgements, missing, allowed, List.copyOf(added), all.errors(),
                rounds.rounds(), seed, seconds, outOfTime, strict, boundariesNote, all,
                WorkSignals.of(List.of(all), strict));
    }

    /** The workloads holding an undecided benchmark with room for more pairs. */
    private static List<Workload> stillUndecided(List<Judgement> judgements) {
        Set<Workload> undecided = new LinkedHashSet<>();
        for (Judgement judgement : judgements) {
            if (judgement.undecided() && judgement.pairs().size() < MAX_PAIRS) {
                undecided.add(Workload.of(judgement.benchmark()));
            }
        }
        return List.copyOf(undecided);
    }

    /**
     * The undecided workloads whose next round still fits the budget, by their longest round so far: the one
     * whose benchmark is nearest to (or over) its boundary first, so a tight budget is spent where a verdict is
     * nearest to "slower".
     */
    private List<Workload> affordable(List<Workload> undecided, List<Judgement> judgements) {
        if (budgetNanos == Long.MAX_VALUE) {
            return undecided;
        }
        long left = budgetNanos - rounds.elapsedNanos();
        List<Workload> byConcern = new ArrayList<>(undecided);
        byConcern.sort(Comparator.comparingDouble((Workload w) -> concern(w, judgements)).reversed());
        List<Workload> chosen = new ArrayList<>();
        for (Workload workload : byConcern) {
            long cost = rounds.roundNanos(workload);
            if (cost <= left) {
                chosen.add(workload);
                left -= cost;
            }
        }
        return Workload.ordered(chosen);
    }

    /** How close the workload's most suspicious undecided benchmark is to its boundary (1 = on it), on logs. */
    private static double concern(Workload workload, List<Judgement> judgements) {
        return judgements.stream().filter(j -> j.undecided() && Workload.of(j.benchmark()) == workload)
                .mapToDouble(j -> Math.log(j.overall().ratio()) / Math.log(j.limit())).max().orElse(0);
    }

    private List<Judgement> judge(Observations all) {
        List<Judgement> judgements = new ArrayList<>();
        for (String benchmark : all.paired()) {
            if (only.isPresent() && !only.get().equals(benchmark)) {
                continue;
            }
            judgements.add(Judgement.of(benchmark, all.unit(benchmark), boundaries.apply(benchmark), all.pairs(benchmark)));
        }
        return judgements;
    }

    private boolean isAllowed(String benchmark) {
        String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        return allowMissing.contains(benchmark) || allowMissing.contains(shortName);
    }
}
