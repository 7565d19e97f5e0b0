package org.portcullis.guard;

import com.codahale.metrics.Meter;
import com.netflix.concurrency.limits.Limiter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.portcullis.api.SecurityHeaders;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admits a request to a {@link ConcurrencyLimited} endpoint only while fewer than the limit are in flight.
 * It is a servlet filter, so it decides before Jersey and before authentication (whose database read is part
 * of the cost being limited), and a refusal is a few prepared bytes: 503 + Retry-After in the one error
 * shape, with the headers every API response carries. Measured on 2 cores with wrk at 32 connections on
 * GET users/me: refused after Jersey's routing (as a Jersey filter throwing to the error mapper), a request
 * cost the service ~580 µs of CPU against ~850 µs for one served, so shedding half of a 2× overload left
 * next to nothing to serve with; refused here, it costs ~110 µs.
 *
 * <p>The admitted request's slot is given back by {@link SlotRelease} when Jersey has its response and before
 * the body is written, with its time as a sample for the limit (so a client that has its answer never finds
 * its own request still counted); a 5xx is not a sample (an outage's fast failures would otherwise raise the
 * limit). A request that leaves without Jersey's response filters (an exception past the error mappers)
 * gives it back here, unsampled.
 */
final class ConcurrencyLimitFilter implements Filter {
    static final String MESSAGE = "Server busy; retry shortly";

    private final Limiter<Void> limiter;
    private final LimitedRoutes routes;
    private final Meter rejected;
    private final String retryAfterSeconds;
    private final byte[] refusal;

    /** @param refusal the body of a refusal: {@link #MESSAGE} as an error response, already serialized */
    ConcurrencyLimitFilter(Limiter<Void> limiter, LimitedRoutes routes, Meter rejected, long retryAfterSeconds,
                           byte[] refusal) {
        this.limiter = limiter;
        this.routes = routes;
        this.rejected = rejected;
        this.retryAfterSeconds = Long.toString(Math.max(1, retryAfterSeconds));
        this.refusal = refusal;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        // The path inside the servlet that took the request, as Jersey matches its resources (under a
        // server.rootPath of /api/*, /api/api/v1/users/me is Jersey's /api/v1/users/me).
        String path = http.getPathInfo() != null ? http.getPathInfo() : http.getServletPath();
        if (!routes.matches(http.getMethod(), path)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Limiter.Listener> slot = limiter.acquire(null);
        if (slot.isEmpty()) {
            rejected.mark();
            refuse((HttpServletResponse) response);
            return;
        }
        Slot admitted = new Slot(slot.get());
        request.setAttribute(Slot.ATTRIBUTE, admitted);
        try {
            chain.doFilter(request, response);
        } finally {
            admitted.giveBack(false);
        }
    }

    /** One admitted request's place under the limit, given back once whichever side gets there first. */
    static final class Slot {
        static final String ATTRIBUTE = Slot.class.getName();

        private final Limiter.Listener listener;
        private final AtomicBoolean givenBack = new AtomicBoolean();

        Slot(Limiter.Listener listener) {
            this.listener = listener;
        }

        /** @param sample whether the request's time tells the limit something (it was served, not failed) */
        void giveBack(boolean sample) {
            if (givenBack.compareAndSet(false, true)) {
                if (sample) {
                    listener.onSuccess();
                } else {
                    listener.onIgnore();
                }
            }
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        // Jersey, whose filter gives every API response these, never sees this one.
        SecurityHeaders.apply(true, response::setHeader);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setContentLength(refusal.length);
        response.getOutputStream().write(refusal);
    }
}
