package org.portcullis.db;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;
import java.util.UUID;

/**
 * The known devices of each account, by the SHA-256 of their device token (the token itself is never
 * stored, so a copy of the table logs no one in and exempts no one from a lock). Lifetimes are counted on
 * the database's clock, as the locks on the same rows are ({@link Lockouts.Kind#DEVICES}).
 */
public interface DeviceTokenDao {
    /** The account whose live device token {@code hash} is; empty for an unknown, spent or expired one. */
    @SqlQuery("SELECT user_id FROM device_tokens WHERE token_hash = :hash AND expires_at > CURRENT_TIMESTAMP")
    Optional<UUID> ownerOf(@Bind("hash") String hash);

    /** Records a new device token of {@code userId}, known for {@code lifetimeMillis} from now. */
    @SqlUpdate("INSERT INTO device_tokens (token_hash, user_id, created_at, expires_at) VALUES (:hash, :userId,"
            + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + CAST(:lifetimeMillis AS BIGINT) * INTERVAL '0.001' SECOND)")
    void insert(@Bind("hash") String hash, @Bind("userId") UUID userId, @Bind("lifetimeMillis") long lifetimeMillis);

    /** Spends a device token of {@code userId}: it is known no more. */
    /** Tokens past their lifetime, by the database's clock (the purge); returns how many went. */
    @SqlUpdate("DELETE FROM device_tokens WHERE expires_at <= CURRENT_TIMESTAMP")
    int deleteExpired();

    @SqlUpdate("DELETE FROM device_tokens WHERE token_hash = :hash AND user_id = :userId")
    int spend(@Bind("hash") String hash, @Bind("userId") UUID userId);

    /**
     * Forgets the user's expired device tokens and all but the {@code keep} newest live ones, in one statement
     * (what a script logging in in a loop could pile up).
     *
     * @return how many were forgotten
     */
    @SqlUpdate("DELETE FROM device_tokens WHERE user_id = :userId AND (expires_at <= CURRENT_TIMESTAMP"
            + " OR token_hash NOT IN (SELECT token_hash FROM device_tokens WHERE user_id = :userId"
            + " ORDER BY created_at DESC, token_hash DESC LIMIT :keep))")
    int keepNewest(@Bind("userId") UUID userId, @Bind("keep") int keep);
}
