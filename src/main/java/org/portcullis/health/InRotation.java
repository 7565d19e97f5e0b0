package org.portcullis.health;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.health.HealthStateView;
import io.dropwizard.health.HealthStatusChecker;

import java.util.function.BooleanSupplier;

/**
 * Whether a load balancer should send this instance requests: the health module's overall state, which is
 * false until every critical check has passed (the instance is started and its database answers, see
 * {@link StartupCheck}), false while the database is down, and false from the moment a SIGTERM arrives
 * (the module's delayed shutdown: {@code health.delayedShutdownHandlerEnabled}) while the instance keeps
 * serving for {@code health.shutdownWaitPeriod}, so that the balancer stops sending before Jetty stops taking.
 *
 * <p>The module keeps that state in its aggregator, which is also its status checker; should a future
 * Dropwizard split the two, this falls back to the critical checks' states (no start-up or shutdown signal).
 */
public final class InRotation {
    private InRotation() {
    }

    public static BooleanSupplier of(Environment environment) {
        return () -> {
            Object aggregator = environment.health().healthStateAggregator();
            if (aggregator instanceof HealthStatusChecker module) {
                return module.isHealthy();
            }
            return environment.health().healthStateAggregator().healthStateViews().stream()
                    .filter(HealthStateView::isCritical)
                    .allMatch(HealthStateView::isHealthy);
        };
    }
}
