package org.portcullis.core;

import java.time.Instant;
import java.util.UUID;

/**
 * A user account as stored. The hash never leaves the core: the API shows a UserView. {@code lockedUntil}
 * is the brute-force lock (see LoginThrottle), read with the row so a login costs no extra query for it.
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
        Instant lockedUntil) {
}
