package org.portcullis.db;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
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
    /** Counts a failure; the UPDATE's row lock serialises concurrent failures of one account. */
    @SqlUpdate("UPDATE users SET failed_logins = failed_logins + 1 WHERE id = :id")
    int countFailure(@Bind("id") UUID id);

    /** The account's consecutive failures and earlier locks, read after {@link #countFailure}. */
    @SqlQuery("SELECT failed_logins AS failures, lock_count AS locks FROM users WHERE id = :id")
    @RegisterConstructorMapper(FailureCount.class)
    FailureCount failureCount(@Bind("id") UUID id);

    /** Locks the account until {@code until} and starts counting failures afresh. */
    @SqlUpdate("UPDATE users SET failed_logins = 0, lock_count = lock_count + 1, locked_until = :until WHERE id = :id")
    int lock(@Bind("id") UUID id, @Bind("until") Instant until);

    /** After a successful login: no failures, no lock history. Writes nothing when there is nothing to clear. */
    @SqlUpdate("UPDATE users SET failed_logins = 0, lock_count = 0, locked_until = NULL"
            + " WHERE id = :id AND (failed_logins > 0 OR lock_count > 0 OR locked_until IS NOT NULL)")
    int clear(@Bind("id") UUID id);

    /** The address's current window (started after {@code windowStart}), if it has one. */
    @SqlQuery("SELECT window_started_at AS started, failures FROM client_failures"
            + " WHERE address = :address AND window_started_at > :windowStart")
    @RegisterConstructorMapper(AddressWindow.class)
    Optional<AddressWindow> currentWindow(@Bind("address") String address, @Bind("windowStart") Instant windowStart);

    /** Consecutive failed logins of an account, and how often it has been locked before. */
    record FailureCount(int failures, int locks) {
    }

    /** Failed logins of a client address since {@code started}. */
    record AddressWindow(Instant started, int failures) {
    }

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
