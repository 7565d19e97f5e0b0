package org.portcullis.guard;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import org.portcullis.api.ErrorResponse;
import org.portcullis.config.LimiterSettings;

import java.util.EnumSet;

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

    private final LimitedRoutes routes;

    private ConcurrencyLimit(LimitedRoutes routes) {
        this.routes = routes;
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
        LimitedRoutes routes = new LimitedRoutes();
        // Jersey reports the limited endpoints while it builds its model, before the server takes requests.
        environment.jersey().register(new ConcurrencyLimit(routes));
        environment.servlets().addFilter("concurrency-limit", new ConcurrencyLimitFilter(limiter, routes, rejected,
                        settings.getRetryAfter().toSeconds(), refusal(environment)))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

    private static byte[] refusal(Environment environment) {
        try {
            return environment.getObjectMapper().writeValueAsBytes(ErrorResponse.of(503, ConcurrencyLimitFilter.MESSAGE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the limiter's refusal", e);
        }
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod().isAnnotationPresent(ConcurrencyLimited.class)
                || resource.getResourceClass().isAnnotationPresent(ConcurrencyLimited.class)) {
            routes.add(resource.getResourceClass(), resource.getResourceMethod());
            context.register(SlotRelease.class);
        }
    }
}
