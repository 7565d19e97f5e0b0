package org.portcullis.guard;

import com.codahale.metrics.Meter;
import com.netflix.concurrency.limits.Limiter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.RetryLaterException;

import java.util.Optional;

/**
 * Admits a request to a {@link ConcurrencyLimited} endpoint only while fewer than the limit are in flight,
 * before authentication (its database read is part of the cost being limited). A request beyond the limit
 * is refused at once with 503 + Retry-After, through the one error mapper. The admitted request's slot is
 * given back when its response leaves, with its time as a sample for the limit; a 5xx is not a sample
 * (an outage's fast failures would otherwise raise the limit).
 */
final class ConcurrencyLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String MESSAGE = "Server busy; retry shortly";
    private static final String SLOT = ConcurrencyLimitFilter.class.getName() + ".slot";

    private final Limiter<Void> limiter;
    private final Meter rejected;
    private final long retryAfterSeconds;

    ConcurrencyLimitFilter(Limiter<Void> limiter, Meter rejected, long retryAfterSeconds) {
        this.limiter = limiter;
        this.rejected = rejected;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Limiter.Listener> slot = limiter.acquire(null);
        if (slot.isEmpty()) {
            rejected.mark();
            throw new RetryLaterException(DomainException.Kind.UNAVAILABLE, MESSAGE, retryAfterSeconds);
        }
        request.setProperty(SLOT, slot.get());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(SLOT) instanceof Limiter.Listener slot) {
            request.removeProperty(SLOT);
            if (response.getStatus() >= 500) {
                slot.onIgnore();
            } else {
                slot.onSuccess();
            }
        }
    }
}
