package org.portcullis.guard;

/**
 * One endpoint's window held against its budget: the figures (nanoseconds, from the whole-request timer's
 * sliding window) and the {@link BudgetState} they lead to. The health check, admin /latency and
 * Prometheus all read verdicts, so they can never disagree about an endpoint.
 *
 * @param requests   requests in the window
 * @param meanNanos  0 without requests, as are the percentiles
 * @param overReason for {@link BudgetState#OVER}, which figure broke which limit; otherwise empty
 */
public record BudgetVerdict(String endpoint, int requests, double meanNanos, double p50Nanos, double p99Nanos,
                            long meanBudgetNanos, long p99BudgetNanos, BudgetState state, String overReason) {

    public boolean exceeded() {
        return state == BudgetState.OVER;
    }
}
