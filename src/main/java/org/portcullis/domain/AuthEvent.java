package org.portcullis.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One authentication decision or security-relevant change, as the audit trail keeps it (OWASP ASVS 7.1.3,
 * 7.2.1): what happened, to whom, from where. Never a password, hash or token: {@code detail} is a short
 * reason code or an operator's words, never input the client chose beyond the email it named.
 *
 * @param userId  the account concerned, when there is one (a failed login to an unknown email has none)
 * @param email   the account's email, or the email a failed login named
 * @param address the client address as the throttles see it, or {@code "admin"} for the operator
 */
public record AuthEvent(UUID id, Instant occurredAt, Type type, UUID userId, String email, UUID sessionId,
                        String detail, String address, String userAgent) {

    /** What happened. The names are the stable codes operators search and alert on. */
    public enum Type {
        LOGIN_SUCCEEDED,
        LOGIN_FAILED,
        ACCOUNT_LOCKED,
        REFRESH_REPLAYED,
        PASSWORD_CHANGED,
        SESSION_REVOKED,
        ADMIN_ACTION,
        SIGNING_KEY_ROTATED
    }

    public static AuthEvent of(Instant at, Type type, UUID userId, String email, UUID sessionId, String detail,
                               String address, String userAgent) {
        return new AuthEvent(UUID.randomUUID(), at, type, userId, email, sessionId, detail, address, userAgent);
    }
}
