package org.portcullis.db;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code account_tokens} table: the SHA-256 (hex) of each mailed single-use token, never the token. One
 * row per account and purpose (a unique constraint): issuing a token replaces the account's previous one of
 * that purpose, so at most one is live. Spending is a compare-and-set, so of two requests presenting one
 * token exactly one wins.
 */
public interface AccountTokenDao {
    @SqlUpdate("DELETE FROM account_tokens WHERE user_id = :userId AND purpose = :purpose")
    int deleteFor(@Bind("userId") UUID userId, @Bind("purpose") String purpose);

    /** Fails with a unique violation when another token of the purpose was issued meanwhile (a race). */
    @SqlUpdate("INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at)"
            + " VALUES (:hash, :userId, :purpose, :now, :expiresAt)")
    void insert(@Bind("hash") String hash, @Bind("userId") UUID userId, @Bind("purpose") String purpose,
                @Bind("now") Instant now, @Bind("expiresAt") Instant expiresAt);

    /** The account of a token that is unspent and unexpired at {@code now}, for that purpose. */
    @SqlQuery("SELECT user_id FROM account_tokens WHERE token_hash = :hash AND purpose = :purpose"
            + " AND used_at IS NULL AND expires_at > :now")
    Optional<UUID> liveOwner(@Bind("hash") String hash, @Bind("purpose") String purpose, @Bind("now") Instant now);

    /**
     * Spends the token: 1 if this call did, 0 if it was spent, replaced or expired by then. Concurrent
     * spends of one token serialise on its row lock, and the losers find {@code used_at} set.
     */
    @SqlUpdate("UPDATE account_tokens SET used_at = :now WHERE token_hash = :hash AND purpose = :purpose"
            + " AND user_id = :userId AND used_at IS NULL AND expires_at > :now")
    int spend(@Bind("hash") String hash, @Bind("purpose") String purpose, @Bind("userId") UUID userId,
              @Bind("now") Instant now);

    /** Deletes tokens that expired before {@code cutoff} (spent or not); returns how many. */
    @SqlUpdate("DELETE FROM account_tokens WHERE expires_at < :cutoff")
    int deleteExpiredBefore(@Bind("cutoff") Instant cutoff);
}
