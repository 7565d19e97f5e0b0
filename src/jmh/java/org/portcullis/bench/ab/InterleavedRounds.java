package org.portcullis.bench.ab;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Runs base and head interleaved: round after round, every workload once on each side, the side that goes
 * first drawn at random each time. A machine that slows down for a while (another build, a CPU throttle)
 * then hits base and head of the same round alike, and neither side always runs first (warmer caches, a
 * quieter moment). Prints one progress line per fork: round, workload, side, elapsed and estimated time left.
 */
public final class InterleavedRounds {
    private final ForkRunner runner;
    private final Checkout base;
    private final Checkout head;
    private final Random random;
    private final PrintStream progress;

    public InterleavedRounds(ForkRunner runner, Checkout base, Checkout head, long seed, PrintStream progress) {
        this.runner = runner;
        this.base = base;
        this.head = head;
        this.random = new Random(seed);
        this.progress = progress;
    }

    /**
     * @param workloads the workloads to run, each whole
     * @param title     what these rounds are, e.g. "measure" or "confirm"
     */
    public Observations run(Set<Workload> workloads, int rounds, String title) {
        Observations observations = new Observations();
        int total = rounds * workloads.size() * 2;
        int done = 0;
        long start = System.nanoTime();
        for (int round = 1; round <= rounds; round++) {
            for (Workload workload : workloads) {
                List<Checkout> order = new ArrayList<>(List.of(base, head));
                Collections.shuffle(order, random);
                ForkOutcome first = null;
                for (Checkout side : order) {
                    progress.println(String.format(Locale.ROOT, "[%s round %d/%d] %-12s %-4s  fork %d of %d, %s elapsed%s",
                            title, round, rounds, workload.label(), side.name(), done + 1, total,
                            clock(System.nanoTime() - start), left(System.nanoTime() - start, done, total)));
                    ForkOutcome outcome = runner.run(side, workload);
                    done++;
                    if (first == null) {
                        first = outcome;
                    } else {
                        observations.add(side == head ? first : outcome, side == head ? outcome : first);
                    }
                }
            }
        }
        return observations;
    }

    private static String left(long elapsedNanos, int done, int total) {
        return done == 0 ? "" : ", ~" + clock(elapsedNanos / done * (total - done)) + " left";
    }

    static String clock(long nanos) {
        Duration duration = Duration.ofNanos(nanos);
        return String.format(Locale.ROOT, "%dm%02ds", duration.toMinutes(), duration.toSecondsPart());
    }
}
