package org.portcullis.guard;

import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import com.codahale.metrics.health.HealthCheck;

/**
 * One endpoint's budget as a health check ({@code latency-usersMe} on the admin /healthcheck). It reads the
 * endpoint timer's sliding window, so it says how the endpoint behaves now, not since start: a spike turns
 * it unhealthy and, once the window has moved past the spike, it recovers by itself.
 */
public final class LatencyBudgetCheck extends HealthCheck {
    private final String endpoint;
    private final Timer timer;
    private final long meanBudgetNanos;
    private final long p99BudgetNanos;
    private final String window;

    public LatencyBudgetCheck(String endpoint, Timer timer, LatencyBudget budget, io.dropwizard.util.Duration window) {
        this.endpoint = endpoint;
        this.timer = timer;
        this.meanBudgetNanos = budget.getMean().toNanoseconds();
        this.p99BudgetNanos = budget.getP99().toNanoseconds();
        this.window = window.toString();
    }

    @Override
    protected Result check() {
        Snapshot snapshot = timer.getSnapshot();
        int requests = snapshot.size();
        String budget = "budget mean " + Durations.format(meanBudgetNanos) + ", p99 " + Durations.format(p99BudgetNanos);
        if (requests == 0) {
            return Result.healthy("%s: no requests in the last %s (%s)", endpoint, window, budget);
        }
        double mean = snapshot.getMean();
        double p99 = snapshot.get99thPercentile();
        String figures = "mean " + Durations.format(mean) + ", p99 " + Durations.format(p99) + " over "
                + requests + " requests in the last " + window;
        if (p99 > p99BudgetNanos) {
            return Result.unhealthy("%s over budget: p99 %s exceeds %s (%s)", endpoint, Durations.format(p99),
                    Durations.format(p99BudgetNanos), figures);
        }
        if (mean > meanBudgetNanos) {
            return Result.unhealthy("%s over budget: mean %s exceeds %s (%s)", endpoint, Durations.format(mean),
                    Durations.format(meanBudgetNanos), figures);
        }
        return Result.healthy("%s: %s (%s)", endpoint, figures, budget);
    }
}
