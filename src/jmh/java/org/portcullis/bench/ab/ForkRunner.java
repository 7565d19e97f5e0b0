package org.portcullis.bench.ab;

import java.util.List;
import java.util.Optional;

/** Runs forks of a workload on a checkout. The gate's tests replace it with a fake that runs nothing. */
public interface ForkRunner {

    /**
     * Runs the workload whole, with every core: every sample, measuring or confirming, comes from the same kind
     * of fork.
     *
     * @return the fork's samples and errors; never throws for a benchmark that failed
     */
    ForkOutcome run(Checkout checkout, Workload workload);

    /**
     * Runs the workload on both checkouts at the same time, each held to one core ({@link Placement#DUET}).
     *
     * @return the two outcomes, {@code first}'s first
     */
    List<ForkOutcome> runTogether(Checkout first, int firstCpu, Checkout second, int secondCpu, Workload workload);

    /**
     * Runs every side's service at once and one client alternating its requests between them
     * ({@link Placement#ALTERNATING}); only for a workload that {@link Workload#alternates() alternates}.
     *
     * @param judged the one benchmark judged, when only one is: the client's mix then ends with it (see
     *               {@link AlternatingLatency#mixUpTo})
     * @return one outcome per side, in the order of {@code sides}
     */
    List<ForkOutcome> runAlternating(List<Checkout> sides, Workload workload, Optional<String> judged);
}
