package org.portcullis.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.health.HealthCheckType;
import io.dropwizard.health.HealthStateAggregator;
import io.dropwizard.health.HealthStateView;
import io.dropwizard.health.HealthStatusChecker;
import io.dropwizard.health.response.JsonHealthResponseProvider;
import io.dropwizard.health.response.ServletHealthResponder;

import java.util.function.BooleanSupplier;

/**
 * Serves Dropwizard's health module on the admin port as {@code GET /health-check}, where orchestrators probe
 * next to /metrics and /prometheus. The module itself mounts its responder on the application port only; this
 * mounts the module's own responder and JSON (the same check states, {@code ?name=all} for every check) on
 * the admin port as well.
 *
 * <p>The answer is 200 while every critical check ({@code database} and {@code started}, see config.yml) is
 * up and the instance is not shutting down, whatever the non-critical latency budgets say, and 503 otherwise.
 */
public final class AdminHealthCheck implements HealthStatusChecker {
    public static final String PATH = "/health-check";

    private final HealthStateAggregator states;
    private final BooleanSupplier inRotation;

    private AdminHealthCheck(HealthStateAggregator states, BooleanSupplier inRotation) {
        this.states = states;
        this.inRotation = inRotation;
    }

    public static void install(Environment environment) {
        ObjectMapper mapper = environment.getObjectMapper();
        AdminHealthCheck checker = new AdminHealthCheck(environment.health().healthStateAggregator(),
                InRotation.of(environment));
        environment.admin().addServlet("health-check", new ServletHealthResponder(
                        new JsonHealthResponseProvider(checker, checker.states, mapper), true, "no-store"))
                .addMapping(PATH);
    }

    /**
     * Healthy while no critical check of the given type (any type for null or "ready") is down; "ready" (and
     * null) also needs the instance {@link InRotation in rotation}: started, and not draining for a shutdown.
     */
    @Override
    public boolean isHealthy(String type) {
        boolean aliveOnly = HealthCheckType.ALIVE.name().equalsIgnoreCase(type);
        return states.healthStateViews().stream()
                .filter(HealthStateView::isCritical)
                .filter(view -> !aliveOnly || view.getType() == HealthCheckType.ALIVE)
                .allMatch(HealthStateView::isHealthy)
                && (aliveOnly || inRotation.getAsBoolean());
    }
}
