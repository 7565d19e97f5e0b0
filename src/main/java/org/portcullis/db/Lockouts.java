package org.portcullis.db;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Failed-attempt counters that lock what they count (an account, a known device), kept on its row so every
 * instance shares them, and timed by the database's clock so instances whose clocks drift agree.
 *
 * <p>The attempt that fills the count sets the lock <em>in the same UPDATE</em>: there is no later write
 * that could fail and leave a full count without a lock, which would refuse every attempt until an operator
 * stepped in. An attempt is claimed before its bcrypt check, so the lock stands while the last attempt is
 * still being checked; what it earns is decided by how that attempt is settled: a success clears the row,
 * a failure leaves it as it is, and an attempt that was never checked gives its claim back with
 * {@link #release}, which also lifts the lock it set. While locked the count stays full; the first claim
 * after the lock has ended starts it again from one. Locks start at the first lock and double with each
 * renewed one up to the maximum (lock_count is the number of earlier locks; a success resets it).
 */
public final class Lockouts {
    /** The rows that carry a counter: same columns, one key each. */
    public enum Kind {
        /** Failed logins of unknown clients per account, on the users row. */
        ACCOUNTS("users", "id"),
        /** Failed logins per known device, on the device token's row. */
        DEVICES("device_tokens", "token_hash");

        final String table;
        final String key;

        Kind(String table, String key) {
            this.table = table;
            this.key = key;
        }
    }

    /**
     * {@code maxFailures} attempts, then a lock of {@code firstLock}, doubled with each renewed lock up to
     * {@code maxLock}.
     */
    public record Schedule(int maxFailures, Duration firstLock, Duration maxLock) {
    }

    /** The count this claim makes: one after an ended lock, else one more than before. */
    private static final String NEXT_COUNT = "(CASE WHEN locked_until IS NULL THEN failed_logins + 1 ELSE 1 END)";
    /** Milliseconds as an interval, written so that H2 (PostgreSQL mode) and PostgreSQL both accept it. */
    private static final String MILLIS = " * INTERVAL '0.001' SECOND";

    private final Jdbi jdbi;
    private final String claimSql;
    private final String releaseSql;
    private final String lockedForSql;
    private final String clearSql;

    public Lockouts(Jdbi jdbi, Kind kind) {
        this.jdbi = jdbi;
        String t = kind.table;
        String k = kind.key;
        // Names come from the enum above, never from input. Every SET expression reads the row as it was.
        this.claimSql = "UPDATE " + t + " SET"
                + " failed_logins = " + NEXT_COUNT + ","
                + " lock_count = CASE WHEN " + NEXT_COUNT + " >= :max THEN lock_count + 1 ELSE lock_count END,"
                + " locked_until = CASE WHEN " + NEXT_COUNT + " >= :max THEN CURRENT_TIMESTAMP"
                + " + LEAST(:firstMillis * POWER(2, LEAST(lock_count, 20)), :maxMillis)" + MILLIS + " END"
                + " WHERE " + k + " = :key AND (locked_until IS NULL OR locked_until <= CURRENT_TIMESTAMP)";
        // A claim given back while its lock stands: the lock was earned by one attempt too many, so it goes.
        this.releaseSql = "UPDATE " + t + " SET"
                + " failed_logins = failed_logins - 1,"
                + " lock_count = CASE WHEN locked_until > CURRENT_TIMESTAMP THEN lock_count - 1 ELSE lock_count END,"
                + " locked_until = CASE WHEN locked_until > CURRENT_TIMESTAMP THEN NULL ELSE locked_until END"
                + " WHERE " + k + " = :key AND failed_logins > 0";
        this.lockedForSql = "SELECT EXTRACT(EPOCH FROM (locked_until - CURRENT_TIMESTAMP)) AS seconds FROM " + t
                + " WHERE " + k + " = :key AND locked_until > CURRENT_TIMESTAMP";
        this.clearSql = "UPDATE " + t + " SET failed_logins = 0, lock_count = 0, locked_until = NULL"
                + " WHERE " + k + " = :key AND (failed_logins > 0 OR lock_count > 0 OR locked_until IS NOT NULL)";
    }

    /**
     * Claims one attempt: true while the row is not locked (the attempt that fills the count locks it, and
     * is still granted); false while locked, or when there is no such row.
     */
    public boolean claim(Object key, Schedule schedule) {
        return update(claimSql, Map.of("key", key, "max", schedule.maxFailures(),
                "firstMillis", schedule.firstLock().toMillis(), "maxMillis", schedule.maxLock().toMillis())) == 1;
    }

    /** Gives back a claim whose attempt was never checked, and lifts the lock that claim set. */
    public void release(Object key) {
        update(releaseSql, Map.of("key", key));
    }

    /** How much longer the row stays locked by the database's clock; empty when it is not locked. */
    public Optional<Duration> lockedFor(Object key) {
        return jdbi.withHandle(handle -> handle.createQuery(lockedForSql)
                .bind("key", key)
                .map((rs, ctx) -> Timestamps.seconds(rs, "seconds"))
                .findOne());
    }

    /** No failures, no lock history, no lock; 0 when there was nothing to clear. */
    public int clear(Object key) {
        return update(clearSql, Map.of("key", key));
    }

    private int update(String sql, Map<String, ?> arguments) {
        return jdbi.withHandle(handle -> handle.createUpdate(sql).bindMap(arguments).execute());
    }
}
