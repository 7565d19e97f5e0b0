package org.portcullis.db;

import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.portcullis.domain.Session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code sessions} table. Revocation only ever sets {@code revoked_at} where it is still null, so the
 * first revocation's time is kept and "revoke" is idempotent.
 */
@RegisterRowMapper(SessionMapper.class)
public interface SessionDao {
    @SqlUpdate("INSERT INTO sessions (id, user_id, refresh_jti, device_name, user_agent, ip_address, created_at,"
            + " last_used_at, expires_at) VALUES (:id, :userId, :refreshJti, :deviceName, :userAgent, :ipAddress,"
            + " :createdAt, :lastUsedAt, :expiresAt)")
    void insert(@BindMethods @ChangedUser Session session);

    @SqlQuery("SELECT * FROM sessions WHERE id = :id")
    Optional<Session> findById(@Bind("id") UUID id);

    /**
     * Refresh-token rotation as one compare-and-set: only the request that still holds the current jti
     * moves the session on; every concurrent or later holder of the old token updates nothing.
     *
     * @return 1 if this call rotated the session, 0 otherwise
     */
    @SqlUpdate("UPDATE sessions SET refresh_jti = :newJti, last_used_at = :now, expires_at = :expiresAt"
            + " WHERE id = :id AND user_id = :userId AND refresh_jti = :expectedJti AND revoked_at IS NULL"
            + " AND expires_at > :now")
    int rotate(@Bind("id") UUID id, @Bind("userId") @ChangedUser UUID userId, @Bind("expectedJti") UUID expectedJti, @Bind("newJti") UUID newJti,
               @Bind("now") Instant now, @Bind("expiresAt") Instant expiresAt);

    @SqlUpdate("UPDATE sessions SET revoked_at = :now WHERE id = :id AND user_id = :userId AND revoked_at IS NULL")
    int revoke(@Bind("id") UUID id, @Bind("userId") @ChangedUser UUID userId, @Bind("now") Instant now);

    /** Revokes a session only if it belongs to {@code userId}; 0 when it does not or is already revoked. */
    @SqlUpdate("UPDATE sessions SET revoked_at = :now WHERE id = :id AND user_id = :userId"
            + " AND revoked_at IS NULL AND expires_at > :now")
    int revokeOwned(@Bind("id") UUID id, @Bind("userId") @ChangedUser UUID userId, @Bind("now") Instant now);

    /** Revokes every live session of a user; an expired one needs no revocation and is not counted. */
    @SqlUpdate("UPDATE sessions SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL"
            + " AND expires_at > :now")
    int revokeAllFor(@Bind("userId") @ChangedUser UUID userId, @Bind("now") Instant now);

    @SqlUpdate("UPDATE sessions SET revoked_at = :now WHERE user_id = :userId AND id <> :keep"
            + " AND revoked_at IS NULL")
    int revokeAllExcept(@Bind("userId") @ChangedUser UUID userId, @Bind("keep") UUID keep, @Bind("now") Instant now);

    /**
     * Keeps the user's {@code keep} most recently used live sessions and revokes the other live ones, in
     * one statement (the ranking and the revocation see the same rows). Called right after a login's insert,
     * whose session is then the most recently used, so it survives; only clock skew between instances could
     * rank {@code keep} others after it. Ties fall to the older session, then to the id, so the choice is
     * the same on every database.
     *
     * @return how many sessions this call revoked
     */
    @SqlUpdate("UPDATE sessions SET revoked_at = :now"
            + " WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now"
            + " AND id NOT IN (SELECT id FROM sessions"
            + " WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now"
            + " ORDER BY last_used_at DESC, created_at DESC, id DESC LIMIT :keep)")
    int revokeLeastRecentlyUsedBeyond(@Bind("userId") @ChangedUser UUID userId, @Bind("keep") int keep, @Bind("now") Instant now);

    /**
     * Deletes sessions that expired or were revoked before {@code cutoff}: the purge, served by the indexes
     * on expires_at and revoked_at.
     *
     * @return how many rows were deleted
     */
    @SqlUpdate("DELETE FROM sessions WHERE expires_at < :cutoff OR revoked_at < :cutoff")
    int deleteEndedBefore(@Bind("cutoff") Instant cutoff);

    /** Records use of a session; skipped by the caller when the stored time is recent enough. */
    @SqlUpdate("UPDATE sessions SET last_used_at = :now WHERE id = :id AND user_id = :userId AND last_used_at < :now")
    int touch(@Bind("id") UUID id, @Bind("userId") @ChangedUser UUID userId, @Bind("now") Instant now);
}
