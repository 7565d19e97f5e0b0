package org.portcullis.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A refusal that names when to try again: a locked account or throttled address (429), a saturated
 * bcrypt pool or an unreachable database (503). The seconds become the Retry-After header.
 */
public final class RetryLaterException extends DomainException {
    private final long retryAfterSeconds;

    public RetryLaterException(Kind kind, String message, long retryAfterSeconds) {
        super(kind, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Refuses until {@code until}: Retry-After is the whole seconds from {@code now}, rounded up. */
    public static RetryLaterException until(Kind kind, String message, Instant until, Instant now) {
        return after(kind, message, Duration.between(now, until));
    }

    /** Refuses for {@code wait}: Retry-After is its whole seconds, rounded up. */
    public static RetryLaterException after(Kind kind, String message, Duration wait) {
        return new RetryLaterException(kind, message, (wait.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
