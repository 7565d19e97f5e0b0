package org.portcullis.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a login or a refresh hands out: a freshly signed access and refresh token for one session of
 * {@code account}. {@code refreshJti} and {@code refreshExpiresAt} are stored with the session, so that only
 * this refresh token can be spent next; the rest goes to the client.
 */
public record IssuedTokens(
        Account account,
        String accessToken,
        String refreshToken,
        UUID refreshJti,
        long accessExpiresInSeconds,
        Instant refreshExpiresAt) {

    /** Without the tokens: a record's generated toString prints every component, and tokens never go to a log. */
    @Override
    public String toString() {
        return "IssuedTokens[account=" + account + ", refreshJti=" + refreshJti + ", accessExpiresInSeconds="
                + accessExpiresInSeconds + ", refreshExpiresAt=" + refreshExpiresAt + "]";
    }
}
