package org.portcullis.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One device's login. {@code refreshJti} is the id of the only refresh token that may still be spent;
 * {@code revokedAt} is set once and never cleared.
 */
public record Session(
        UUID id,
        UUID userId,
        UUID refreshJti,
        String deviceName,
        String userAgent,
        String ipAddress,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt) {

    public boolean isLiveAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
