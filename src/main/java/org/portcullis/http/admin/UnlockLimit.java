package org.portcullis.http.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code perMinute} unlock-account calls in any 60 seconds, across callers: in a loop the task would
 * clear the lock that stops a password guesser after each batch of guesses, and its answers tell known
 * emails from unknown ones. An operator unlocks a handful of accounts; beyond the limit, 429 with
 * Retry-After (the seconds until the oldest call leaves the window).
 *
 * <p>The window slides (the times of the last {@code perMinute} calls are kept), so no burst at a fixed
 * window's edge doubles the limit. Per instance and in memory: the admin port is per instance too.
 */
final class UnlockLimit extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final transient Clock clock;
    private final Deque<Instant> calls = new ArrayDeque<>();

    UnlockLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Duration wait = claim();
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
        AdminRefusal.send(response, 429, "At most " + perMinute + " unlock-account calls a minute; try again later");
    }

    /** Zero if this call fits in the window (and is counted), else how long until one does. */
    private synchronized Duration claim() {
        Instant now = clock.instant();
        while (!calls.isEmpty() && !calls.peekFirst().plus(WINDOW).isAfter(now)) {
            calls.removeFirst();
        }
        if (calls.size() < perMinute) {
            calls.addLast(now);
            return Duration.ZERO;
        }
        return Duration.between(now, calls.peekFirst().plus(WINDOW));
    }
}
