package org.portcullis.db;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Failed-login bookkeeping per account, on the users row so every instance shares it. {@code failed_logins}
 * counts attempts claimed since the last success or lock: the ones that failed and the ones still being
 * checked. A claim is one conditional UPDATE, so the database, not a check-then-act in Java, decides which
 * of many parallel attempts get through.
 */
public interface ThrottleDao {
    /**
     * Claims one attempt at the account's password: succeeds (1) only while the account is not locked and
     * fewer than {@code max} attempts are claimed; 0 otherwise.
     */
    @SqlUpdate("UPDATE users SET failed_logins = failed_logins + 1 WHERE id = :id AND failed_logins < :max"
            + " AND (locked_until IS NULL OR locked_until <= :now)")
    int claimAttempt(@Bind("id") UUID id, @Bind("max") int max, @Bind("now") Instant now);

    /** Gives back a claim whose attempt did not count (nothing once a lock has reset the count). */
    @SqlUpdate("UPDATE users SET failed_logins = failed_logins - 1 WHERE id = :id AND failed_logins > 0")
    int releaseAttempt(@Bind("id") UUID id);

    /** The account's claimed attempts, earlier locks and current lock, row-locked until the transaction ends. */
    @SqlQuery("SELECT failed_logins AS failures, lock_count AS locks, locked_until AS lockedUntil FROM users"
            + " WHERE id = :id FOR UPDATE")
    @RegisterConstructorMapper(LockState.class)
    Optional<LockState> lockStateForUpdate(@Bind("id") UUID id);

    /** As {@link #lockStateForUpdate}, without the row lock: for telling a refused client when to retry. */
    @SqlQuery("SELECT failed_logins AS failures, lock_count AS locks, locked_until AS lockedUntil FROM users"
            + " WHERE id = :id")
    @RegisterConstructorMapper(LockState.class)
    Optional<LockState> lockState(@Bind("id") UUID id);

    /** Locks the account until {@code until} and starts counting attempts afresh. */
    @SqlUpdate("UPDATE users SET failed_logins = 0, lock_count = lock_count + 1, locked_until = :until WHERE id = :id")
    int lock(@Bind("id") @ChangedUser UUID id, @Bind("until") Instant until);

    /** After a successful login: no failures, no lock history. Writes nothing when there is nothing to clear. */
    @SqlUpdate("UPDATE users SET failed_logins = 0, lock_count = 0, locked_until = NULL"
            + " WHERE id = :id AND (failed_logins > 0 OR lock_count > 0 OR locked_until IS NOT NULL)")
    int clear(@Bind("id") @ChangedUser UUID id);

    /** Claimed attempts, earlier locks, and the lock in force (null when none was ever set). */
    record LockState(int failures, int locks, Instant lockedUntil) {
    }
}
