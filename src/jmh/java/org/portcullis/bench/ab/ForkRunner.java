package org.portcullis.bench.ab;

/** Runs one fork of a workload on one checkout. The gate's tests replace it with a fake that runs nothing. */
public interface ForkRunner {

    /**
     * Runs the workload whole: every sample, measuring or confirming, comes from the same kind of fork.
     *
     * @return the fork's samples and errors; never throws for a benchmark that failed
     */
    ForkOutcome run(Checkout checkout, Workload workload);
}
