package org.portcullis.domain;

import java.time.Instant;
import java.util.UUID;

/** A freshly signed access and refresh token for one session; {@code refreshJti} is stored with it. */
public record TokenPair(
        String accessToken,
        String refreshToken,
        UUID refreshJti,
        long accessExpiresInSeconds,
        Instant refreshExpiresAt) {
}
