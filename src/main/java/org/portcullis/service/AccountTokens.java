package org.portcullis.service;

import org.portcullis.db.Transactions;
import org.portcullis.domain.TokenPurpose;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The single-use tokens mailed for a password reset or an email verification: 32 random bytes (256 bits,
 * base64url in the link), of which the database keeps only the SHA-256, so a read of the table (a backup,
 * an injection) yields nothing that can be presented. A fast hash is enough: the token is random, not a
 * password, so there is nothing to guess from its hash. Issuing replaces the account's previous token of
 * the purpose: one live link per account.
 */
public final class AccountTokens {
    private static final int BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public AccountTokens(Clock clock) {
        this.clock = clock;
    }

    /** A new token for the account, valid for {@code lifetime}, stored in {@code transaction}; returns it. */
    public String issue(Transactions.Transaction transaction, UUID userId, TokenPurpose purpose, Duration lifetime) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        transaction.accountTokens().deleteFor(userId, purpose.stored());
        transaction.accountTokens().insert(hash(token), userId, purpose.stored(), now, now.plus(lifetime));
        return token;
    }

    /** The stored form of a token: hex SHA-256 of its text. */
    public static String hash(String token) {
        return Sha256.hex(token);
    }
}
