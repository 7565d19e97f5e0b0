package org.portcullis.guard;

import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import org.portcullis.config.LatencyBudget;

/**
 * An endpoint's budget bound to its whole-request timer. {@link #judge()} reads the timer's sliding window
 * and says whether the endpoint is within budget now; a window of fewer than {@code minRequests} requests
 * is not judged, since in a quiet window one slow request (the first registration after a start, say)
 * would be the p99 on its own.
 */
public final class EndpointBudget {
    private final String endpoint;
    private final Timer timer;
    private final long meanBudgetNanos;
    private final long p99BudgetNanos;
    private final int minRequests;

    public EndpointBudget(String endpoint, Timer timer, LatencyBudget budget, int minRequests) {
        this.endpoint = endpoint;
        this.timer = timer;
        this.meanBudgetNanos = budget.getMean().toNanoseconds();
        this.p99BudgetNanos = budget.getP99().toNanoseconds();
        this.minRequests = minRequests;
    }

    public String endpoint() {
        return endpoint;
    }

    public int minRequests() {
        return minRequests;
    }

    /** The window's figures and what they say about the budget, as of now. */
    public BudgetVerdict judge() {
        Snapshot snapshot = timer.getSnapshot();
        int requests = snapshot.size();
        double mean = snapshot.getMean();
        double p50 = snapshot.getMedian();
        double p99 = snapshot.get99thPercentile();
        BudgetState state = BudgetState.OK;
        String reason = "";
        if (requests < minRequests) {
            state = BudgetState.INSUFFICIENT;
        } else if (p99 > p99BudgetNanos) {
            state = BudgetState.OVER;
            reason = "p99 " + Durations.format(p99) + " exceeds " + Durations.format(p99BudgetNanos);
        } else if (mean > meanBudgetNanos) {
            state = BudgetState.OVER;
            reason = "mean " + Durations.format(mean) + " exceeds " + Durations.format(meanBudgetNanos);
        }
        return new BudgetVerdict(endpoint, requests, mean, p50, p99, meanBudgetNanos, p99BudgetNanos, state, reason);
    }
}
