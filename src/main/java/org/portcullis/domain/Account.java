package org.portcullis.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A user account as stored. The hash never leaves the services: the API shows a UserView. {@code lockedUntil}
 * is the brute-force lock (see LoginThrottle), read with the row so a login costs no extra query for it.
 * {@code emailVerified}: the owner proved the address by following a mailed link (EmailVerification).
 */
public record Account(
        UUID id,
        String email,
        String passwordHash,
        String firstName,
        String lastName,
        boolean isActive,
        boolean isSuperuser,
        Instant createdAt,
        Instant updatedAt,
        Instant lockedUntil,
        boolean emailVerified) {

    /**
     * Without the hash: a record's generated toString prints every component, so a log line or an exception
     * message that mentions an account (or the {@link Caller} holding it) would carry its bcrypt hash.
     */
    @Override
    public String toString() {
        return "Account[id=" + id + ", email=" + email + ", isActive=" + isActive + ", isSuperuser=" + isSuperuser
                + ", lockedUntil=" + lockedUntil + ", emailVerified=" + emailVerified + "]";
    }
}
