package org.portcullis.domain;

/**
 * A refusal the caller can act on. Services throw these and never see HTTP; http.errors turns the
 * {@link Kind} into a status and the message into the one error shape, so the message must be fit for a
 * client: no ids of other users, no SQL, no class names.
 */
public class DomainException extends RuntimeException {
    /** What went wrong, in the domain's words. */
    public enum Kind {
        /** Bad or missing credentials or tokens. */
        UNAUTHENTICATED,
        /** A resource server's client credentials (HTTP Basic) were missing or wrong (RFC 7662 §2.1). */
        CLIENT_UNAUTHENTICATED,
        /** A request the endpoint cannot act on, e.g. an OAuth form without its {@code token} (RFC 7009 §2.2.1). */
        INVALID_REQUEST,
        /** Authenticated, but not allowed: an inactive account, a wrong current password. */
        FORBIDDEN,
        /** No such thing, or not the caller's: the two are deliberately indistinguishable. */
        NOT_FOUND,
        /** The request collides with existing state, e.g. an email that is taken. */
        CONFLICT,
        /** Too many failed attempts; see {@link RetryLaterException#retryAfterSeconds()}. */
        TOO_MANY_ATTEMPTS,
        /** The database could not be reached in time; retrying later may work. */
        UNAVAILABLE
    }

    private final Kind kind;

    public DomainException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public DomainException(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static DomainException invalidCredentials() {
        return new DomainException(Kind.UNAUTHENTICATED, "Invalid email or password");
    }

    public static DomainException invalidToken() {
        return new DomainException(Kind.UNAUTHENTICATED, "Invalid or expired token");
    }
}
