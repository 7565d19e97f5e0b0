package org.portcullis.guard;

import com.codahale.metrics.health.HealthCheck;

/**
 * One endpoint's budget as a health check ({@code latency-usersMe}). It reads the endpoint timer's sliding
 * window, so it says how the endpoint behaves now, not since start: a spike turns it unhealthy and, once
 * the window has moved past the spike, it recovers by itself. config.yml schedules it as a non-critical
 * check of the health module: a budget over is something to alert on, never a reason for a load balancer
 * to take the node out.
 */
public final class LatencyBudgetCheck extends HealthCheck {
    private final EndpointBudget budget;
    private final String window;

    public LatencyBudgetCheck(EndpointBudget budget, io.dropwizard.util.Duration window) {
        this.budget = budget;
        this.window = window.toString();
    }

    @Override
    protected Result check() {
        BudgetVerdict verdict = budget.judge();
        String endpoint = verdict.endpoint();
        String limits = "budget mean " + Durations.format(verdict.meanBudgetNanos()) + ", p99 "
                + Durations.format(verdict.p99BudgetNanos());
        String figures = "mean " + Durations.format(verdict.meanNanos()) + ", p99 " + Durations.format(verdict.p99Nanos())
                + " over " + verdict.requests() + " requests in the last " + window;
        return switch (verdict.state()) {
            case INSUFFICIENT -> Result.healthy("%s: insufficient data, %d requests in the last %s, %d needed to judge (%s)",
                    endpoint, verdict.requests(), window, budget.minRequests(), limits);
            case OVER -> Result.unhealthy("%s over budget: %s (%s)", endpoint, verdict.overReason(), figures);
            case OK -> Result.healthy("%s: %s (%s)", endpoint, figures, limits);
        };
    }
}
