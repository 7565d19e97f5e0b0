package org.portcullis.guard;

import com.codahale.metrics.Clock;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.portcullis.api.EndpointTimers;
import org.portcullis.config.LatencyBudget;
import org.portcullis.config.LatencyGuardSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The latency guard, a bundle: one set of endpoint timers read by three parties. Operators read them on the
 * admin port (/metrics, /prometheus, and /latency, each budgeted endpoint judged ok, over or insufficient),
 * the service reads them through the budget health checks, and the latency tests read them from the app's
 * MetricRegistry.
 *
 * <p>The timers are registered here, before Jersey starts, with a sliding time-window reservoir: Jersey's
 * {@code @Timed} support then finds and uses them instead of creating its default exponentially decaying
 * ones, whose percentiles would still remember a spike long after it was over (or forget it too soon).
 * Dropwizard runs bundles before the application's own {@code run}, so no resource is registered yet.
 *
 * @param <C> the application's configuration, which holds the {@code latencyGuard} settings. The guard cannot
 *            name PortcullisConfiguration (the layer above it), so the application says where the settings
 *            are, as it does for Dropwizard's MigrationsBundle.
 */
public final class LatencyGuard<C extends Configuration> implements ConfiguredBundle<C> {
    static final String BUDGET_PREFIX = "portcullis.budget.";

    private final Function<C, LatencyGuardSettings> settings;

    /** @param settings where the configuration keeps {@code latencyGuard} */
    public LatencyGuard(Function<C, LatencyGuardSettings> settings) {
        this.settings = settings;
    }

    @Override
    public void run(C configuration, Environment environment) {
        install(environment, settings.apply(configuration));
    }

    /** The budget's health check, {@code latency-usersMe}: config.yml schedules it under this name. */
    public static String healthCheckName(String endpoint) {
        return "latency-" + endpoint;
    }

    private static void install(Environment environment, LatencyGuardSettings settings) {
        MetricRegistry metrics = environment.metrics();
        Duration window = settings.getWindow().toJavaDuration();
        // The whole-request timer keeps the window as a histogram; Jersey's partial timers keep Metrics'
        // default bounded, decaying sample.
        for (String name : EndpointTimers.ALL) {
            metrics.timer(EndpointTimers.total(name),
                    () -> new Timer(new SlidingHistogramReservoir(window, Clock.defaultClock())));
        }
        List<EndpointBudget> budgets = new ArrayList<>();
        for (Map.Entry<String, LatencyBudget> entry : settings.getBudgets().entrySet()) {
            String endpoint = entry.getKey();
            LatencyBudget budget = entry.getValue();
            Timer timer = metrics.timer(EndpointTimers.total(EndpointTimers.named(endpoint)));
            EndpointBudget endpointBudget = new EndpointBudget(endpoint, timer, budget, settings.getMinRequests());
            budgets.add(endpointBudget);
            environment.healthChecks().register(healthCheckName(endpoint),
                    new LatencyBudgetCheck(endpointBudget, settings.getWindow()));
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
        prometheus.register(exceededFlags(budgets));
        environment.admin().addServlet("latency", new LatencyPage(budgets, environment.getObjectMapper(),
                settings.getWindow().toString(), settings.getMinRequests())).addMapping("/latency");
        ConcurrencyLimit.install(environment, settings.getLimiter());
        environment.admin().addServlet("prometheus", new PrometheusMetricsServlet(prometheus))
                .addMapping("/prometheus");
    }

    /**
     * {@code portcullis_budget_exceeded{endpoint="usersMe"}}: 1 while the endpoint's window is over its budget,
     * else 0 (also while there are too few requests to judge). One labelled family rather than a gauge per
     * endpoint, so one alert rule covers every budget. Judged at scrape time, like /latency.
     */
    private static GaugeWithCallback exceededFlags(List<EndpointBudget> budgets) {
        return GaugeWithCallback.builder()
                .name("portcullis_budget_exceeded")
                .help("1 while the endpoint's latency budget is exceeded over the window, else 0")
                .labelNames("endpoint")
                .callback(callback -> budgets.forEach(budget ->
                        callback.call(budget.judge().exceeded() ? 1 : 0, budget.endpoint())))
                .build();
    }
}
