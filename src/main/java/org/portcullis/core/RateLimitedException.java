package org.portcullis.core;

/** A refusal to try again before {@code retryAfterSeconds}: a locked account, a throttled address. */
public final class RateLimitedException extends DomainException {
    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(Kind.TOO_MANY_ATTEMPTS, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
