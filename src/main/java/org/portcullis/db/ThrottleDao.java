package org.portcullis.db;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Failed-login bookkeeping, shared by every instance through the database: per account on the users
 * row, per client address in {@code client_failures}.
 */
public interface ThrottleDao {
    /** When the account's lock ends, if it has one (possibly in the past). */
    @SqlQuery("SELECT locked_until FROM users WHERE id = :id")
    Optional<Instant> lockedUntil(@Bind("id") UUID id);

    /** Counts a failure; the UPDATE's row lock serialises concurrent failures of one account. */
    @SqlUpdate("UPDATE users SET failed_logins = failed_logins + 1 WHERE id = :id")
    int countFailure(@Bind("id") UUID id);

    @SqlQuery("SELECT failed_logins FROM users WHERE id = :id")
    int failures(@Bind("id") UUID id);

    @SqlQuery("SELECT lock_count FROM users WHERE id = :id")
    int locks(@Bind("id") UUID id);

    /** Locks the account until {@code until} and starts counting failures afresh. */
    @SqlUpdate("UPDATE users SET failed_logins = 0, lock_count = lock_count + 1, locked_until = :until WHERE id = :id")
    int lock(@Bind("id") UUID id, @Bind("until") Instant until);

    /** After a successful login: no failures, no lock history. Writes nothing when there is nothing to clear. */
    @SqlUpdate("UPDATE users SET failed_logins = 0, lock_count = 0, locked_until = NULL"
            + " WHERE id = :id AND (failed_logins > 0 OR lock_count > 0 OR locked_until IS NOT NULL)")
    int clear(@Bind("id") UUID id);

    /** Failures of an address in its current window; empty if there is no current window. */
    @SqlQuery("SELECT failures FROM client_failures WHERE address = :address AND window_started_at > :windowStart")
    Optional<Integer> addressFailures(@Bind("address") String address, @Bind("windowStart") Instant windowStart);

    @SqlQuery("SELECT window_started_at FROM client_failures WHERE address = :address")
    Optional<Instant> addressWindowStart(@Bind("address") String address);

    /** Counts a failure in the address's current window, or opens a new window; 0 if the address has no row. */
    @SqlUpdate("UPDATE client_failures SET"
            + " failures = CASE WHEN window_started_at > :windowStart THEN failures + 1 ELSE 1 END,"
            + " window_started_at = CASE WHEN window_started_at > :windowStart THEN window_started_at ELSE :now END"
            + " WHERE address = :address")
    int countAddressFailure(@Bind("address") String address, @Bind("windowStart") Instant windowStart,
                            @Bind("now") Instant now);

    /** Fails with a unique violation if another request inserted the address first. */
    @SqlUpdate("INSERT INTO client_failures (address, window_started_at, failures) VALUES (:address, :now, 1)")
    void insertAddressFailure(@Bind("address") String address, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM client_failures WHERE window_started_at <= :windowStart")
    int forgetAddressesBefore(@Bind("windowStart") Instant windowStart);
}
