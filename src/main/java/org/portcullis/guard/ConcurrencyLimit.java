package org.portcullis.guard;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import org.portcullis.config.LimiterSettings;

/**
 * The adaptive concurrency limit of the cheap endpoints. Without it, more requests than the machine can serve
 * queue in Jetty and every served one waits behind them, so p99 explodes for everybody. Netflix's Gradient2
 * compares each request's time with the no-load time it has learnt and lowers the limit as queueing grows:
 * the excess is refused at once (503 + Retry-After, for a client or load balancer to retry elsewhere) and
 * the requests served stay near their unloaded latency.
 *
 * <p>Its state is on /metrics and /prometheus: {@code portcullis.limiter.limit}, {@code .inflight} and
 * {@code .rejected}.
 */
public final class ConcurrencyLimit implements DynamicFeature {
    static final String METRICS = "portcullis.limiter.";

    private final ConcurrencyLimitFilter filter;

    private ConcurrencyLimit(ConcurrencyLimitFilter filter) {
        this.filter = filter;
    }

    /** Installs the limit unless {@code latencyGuard.limiter.enabled} is false. */
    static void install(Environment environment, LimiterSettings settings) {
        if (!settings.isEnabled()) {
            return;
        }
        SimpleLimiter<Void> limiter = SimpleLimiter.newBuilder()
                .named("portcullis")
                .limit(Gradient2Limit.newBuilder()
                        .initialLimit(settings.getInitialLimit())
                        .minLimit(settings.getMinLimit())
                        .maxConcurrency(settings.getMaxLimit())
                        .build())
                .build();
        MetricRegistry metrics = environment.metrics();
        metrics.register(METRICS + "limit", (Gauge<Integer>) limiter::getLimit);
        metrics.register(METRICS + "inflight", (Gauge<Integer>) limiter::getInflight);
        Meter rejected = metrics.meter(METRICS + "rejected");
        environment.jersey().register(new ConcurrencyLimit(
                new ConcurrencyLimitFilter(limiter, rejected, settings.getRetryAfter().toSeconds())));
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod().isAnnotationPresent(ConcurrencyLimited.class)
                || resource.getResourceClass().isAnnotationPresent(ConcurrencyLimited.class)) {
            // Before authentication: the bearer check reads the database, part of what is being limited.
            context.register(filter, Priorities.AUTHENTICATION - 100);
        }
    }
}
