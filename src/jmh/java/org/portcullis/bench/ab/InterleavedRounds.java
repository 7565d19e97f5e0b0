package org.portcullis.bench.ab;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Runs base and head round by round: in each round every workload asked for once on each side, the workloads in
 * an order shuffled every round, each in its {@link Placement}. Duet: both sides at once on cores 0 and 1, the
 * cores swapped every round, so neither side keeps a core that happens to be quieter. Alternating: every side's
 * service at once, one client sending each request to each of them in turn. Sequential: one after the
 * other, the side that goes first drawn at random (also for more than two sides, {@link #round(List, Workload,
 * String)}). A machine that slows down for a while hits both sides of a
 * pair alike. Prints one progress line per fork (or duet) and remembers how long each workload's round took,
 * which the gate's time budget plans with.
 */
public final class InterleavedRounds {
    private final ForkRunner runner;
    private final Checkout base;
    private final Checkout head;
    private final Random random;
    private final PrintStream progress;
    private final LongSupplier nanoTime;
    private final Map<Workload, Long> longestRound = new EnumMap<>(Workload.class);
    private Placement override;
    private Optional<String> judged = Optional.empty();
    private int round;
    private final long start;

    public InterleavedRounds(ForkRunner runner, Checkout base, Checkout head, long seed, PrintStream progress) {
        this(runner, base, head, seed, progress, System::nanoTime);
    }

    InterleavedRounds(ForkRunner runner, Checkout base, Checkout head, long seed, PrintStream progress,
                      LongSupplier nanoTime) {
        this.runner = runner;
        this.base = base;
        this.head = head;
        this.random = new Random(seed);
        this.progress = progress;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** Measure every workload with this placement instead of its own (the A/A campaigns that choose them). */
    public InterleavedRounds placeAll(Placement placement) {
        this.override = placement;
        return this;
    }

    /**
     * Only this benchmark (full name) is judged: an alternating round's client ends its mix with it, since
     * what comes after it in the mix cannot change its sample (what comes before warms it as in a whole round).
     */
    public InterleavedRounds judgingOnly(String benchmark) {
        this.judged = Optional.of(benchmark);
        return this;
    }

    /**
     * The workload's placement (or the override); a duet needs two cores, so one core runs it sequentially, and
     * only a workload a client drives from outside can alternate, so any other runs sequentially instead.
     */
    public Placement placement(Workload workload) {
        return feasible(override != null ? override : workload.placement(), workload);
    }

    /** The workload's own placement on this machine, as a gate run without an override measures it. */
    static Placement placementHere(Workload workload) {
        return feasible(workload.placement(), workload);
    }

    private static Placement feasible(Placement wanted, Workload workload) {
        if (wanted == Placement.ALTERNATING && !workload.alternates()) {
            return Placement.SEQUENTIAL;
        }
        return wanted == Placement.DUET && Runtime.getRuntime().availableProcessors() < 2 ? Placement.SEQUENTIAL : wanted;
    }

    /** One round of {@code workloads}, in a shuffled order; returns its pairs. */
    public Observations round(List<Workload> workloads, String title) {
        round++;
        List<Workload> order = new ArrayList<>(workloads);
        Collections.shuffle(order, random);
        Observations observations = new Observations();
        for (Workload workload : order) {
            long began = nanoTime.getAsLong();
            Placement placement = placement(workload);
            if (placement == Placement.DUET) {
                boolean swap = round % 2 == 0;
                progress.println(line(title, workload, "both", swap ? "head on cpu 0, base on cpu 1" : "base on cpu 0, head on cpu 1"));
                List<ForkOutcome> outcomes = runner.runTogether(base, swap ? 1 : 0, head, swap ? 0 : 1, workload);
                observations.add(outcomes.get(0), outcomes.get(1));
            } else if (placement == Placement.ALTERNATING) {
                List<ForkOutcome> outcomes = alternating(List.of(base, head), workload, title);
                observations.add(outcomes.get(0), outcomes.get(1));
            } else {
                List<ForkOutcome> outcomes = oneAfterAnother(List.of(base, head), workload, title);
                observations.add(outcomes.get(0), outcomes.get(1));
            }
            longestRound.merge(workload, nanoTime.getAsLong() - began, Math::max);
        }
        return observations;
    }

    /**
     * One round of one workload on each of {@code sides} (a bisection step's GOOD, step and BAD): alternating
     * among all of them where that is the workload's placement, else one after another in a shuffled order (a
     * duet holds two sides). Returns the outcomes in the order of {@code sides}.
     */
    public List<ForkOutcome> round(List<Checkout> sides, Workload workload, String title) {
        round++;
        long began = nanoTime.getAsLong();
        List<ForkOutcome> outcomes = placementOfSides(workload) == Placement.ALTERNATING
                ? alternating(sides, workload, title) : oneAfterAnother(sides, workload, title);
        longestRound.merge(workload, nanoTime.getAsLong() - began, Math::max);
        return outcomes;
    }

    /**
     * How {@link #round(List, Workload, String)} runs the sides of this workload: alternating where that is its
     * placement, else one after another (a duet holds two sides only).
     */
    public Placement placementOfSides(Workload workload) {
        return placement(workload) == Placement.ALTERNATING ? Placement.ALTERNATING : Placement.SEQUENTIAL;
    }

    private List<ForkOutcome> oneAfterAnother(List<Checkout> sides, Workload workload, String title) {
        List<Checkout> order = new ArrayList<>(sides);
        Collections.shuffle(order, random);
        ForkOutcome[] outcomes = new ForkOutcome[sides.size()];
        for (Checkout side : order) {
            progress.println(line(title, workload, side.name(), "every cpu"));
            outcomes[sides.indexOf(side)] = runner.run(side, workload);
        }
        return List.of(outcomes);
    }

    private List<ForkOutcome> alternating(List<Checkout> sides, Workload workload, String title) {
        String names = String.join("+", sides.stream().map(Checkout::name).toList());
        progress.println(line(title, workload, names, "alternating requests"));
        return runner.runAlternating(sides, workload, judged);
    }

    /** The longest a round of this workload has taken so far (0 before its first). */
    public long roundNanos(Workload workload) {
        return longestRound.getOrDefault(workload, 0L);
    }

    /** Time since these rounds were set up, on their clock. */
    public long elapsedNanos() {
        return nanoTime.getAsLong() - start;
    }

    public int rounds() {
        return round;
    }

    private String line(String title, Workload workload, String side, String where) {
        return String.format(Locale.ROOT, "[%s round %d] %-12s %-4s (%s), %s elapsed", title, round,
                workload.label(), side, where, clock(nanoTime.getAsLong() - start));
    }

    static String clock(long nanos) {
        Duration duration = Duration.ofNanos(Math.max(0, nanos));
        return String.format(Locale.ROOT, "%dm%02ds", duration.toMinutes(), duration.toSecondsPart());
    }
}
