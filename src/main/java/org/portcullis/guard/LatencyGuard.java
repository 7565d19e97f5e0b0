package org.portcullis.guard;

import com.codahale.metrics.Clock;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.time.Duration;
import java.util.Map;

/**
 * Installs the latency guard: one set of endpoint timers read by three parties. Operators read them on the
 * admin port (/metrics, /prometheus), the service reads them through the budget health checks, and the
 * latency tests read them from the app's MetricRegistry.
 *
 * <p>The timers are registered here, before Jersey starts, with a sliding time-window reservoir: Jersey's
 * {@code @Timed} support then finds and uses them instead of creating its default exponentially decaying
 * ones, whose percentiles would still remember a spike long after it was over (or forget it too soon).
 */
public final class LatencyGuard {
    static final String BUDGET_PREFIX = "portcullis.budget.";

    private LatencyGuard() {
    }

    public static void install(Environment environment, LatencyGuardSettings settings) {
        MetricRegistry metrics = environment.metrics();
        Duration window = settings.getWindow().toJavaDuration();
        // The whole-request timer keeps the window as a histogram; Jersey's partial timers keep Metrics'
        // default bounded, decaying sample.
        for (String name : EndpointTimers.ALL) {
            metrics.timer(EndpointTimers.total(name),
                    () -> new Timer(new SlidingHistogramReservoir(window, Clock.defaultClock())));
        }
        for (Map.Entry<String, LatencyBudget> entry : settings.getBudgets().entrySet()) {
            String endpoint = entry.getKey();
            LatencyBudget budget = entry.getValue();
            Timer timer = metrics.timer(EndpointTimers.total(EndpointTimers.named(endpoint)));
            EndpointBudget judged = new EndpointBudget(endpoint, timer, budget, settings.getMinRequests());
            environment.healthChecks().register("latency-" + endpoint,
                    new LatencyBudgetCheck(judged, settings.getWindow()));
            // In seconds, the unit Prometheus gives the timers, so an alert can compare them directly.
            double meanSeconds = budget.getMean().toNanoseconds() / 1e9;
            double p99Seconds = budget.getP99().toNanoseconds() / 1e9;
            metrics.register(BUDGET_PREFIX + endpoint + ".mean_seconds", (Gauge<Double>) () -> meanSeconds);
            metrics.register(BUDGET_PREFIX + endpoint + ".p99_seconds", (Gauge<Double>) () -> p99Seconds);
        }
        PrometheusRegistry prometheus = new PrometheusRegistry();
        // Only the whole-request timer of each endpoint: the partial ones would also collide with it once
        // Prometheus treats the "_total" suffix as its own.
        DropwizardExports.builder().dropwizardRegistry(metrics)
                .metricFilter((name, metric) -> !name.startsWith(EndpointTimers.PREFIX) || name.endsWith(".total"))
                .register(prometheus);
        environment.admin().addServlet("prometheus", new PrometheusMetricsServlet(prometheus))
                .addMapping("/prometheus");
    }
}
