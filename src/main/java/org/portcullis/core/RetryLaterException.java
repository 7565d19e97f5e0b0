package org.portcullis.core;

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

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
