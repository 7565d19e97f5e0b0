package org.portcullis.bench.ab;

import java.util.Set;

/** Runs one fork of a workload on one checkout. The gate's tests replace it with a fake that runs nothing. */
public interface ForkRunner {

    /**
     * @param only full benchmark names to run, all of the workload when empty
     * @return the fork's samples and errors; never throws for a benchmark that failed
     */
    ForkOutcome run(Checkout checkout, Workload workload, Set<String> only);
}
