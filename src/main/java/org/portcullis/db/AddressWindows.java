package org.portcullis.db;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Attempts per client address in fixed windows, counted in the database so every instance enforces one
 * limit. A window opens with an address's first attempt and lasts {@code window}; the first attempt after
 * it has ended opens the next.
 *
 * <p>An attempt is <em>claimed</em> before the work it stands for (a bcrypt check, a registration hash):
 * the claim is one conditional UPDATE that only succeeds while the window has room, so of any number of
 * parallel attempts, on any number of instances, at most {@code max} get through. A claim whose work did
 * not count (a login that succeeded, a request the bcrypt pool refused) is given back.
 */
public final class AddressWindows {
    /** The tables that count attempts per address: same shape, one per kind of attempt. */
    public enum Kind {
        /** Failed logins per address, across accounts. */
        LOGIN_FAILURES("client_failures", "failures"),
        /** Registrations per address. */
        REGISTRATIONS("client_registrations", "attempts"),
        /** Mail asked for (password reset) per client address. */
        MAIL_REQUESTS_BY_ADDRESS("client_mail_requests", "attempts"),
        /** Mail asked for per account (password reset, verification): keyed by the account id, not an address. */
        MAIL_REQUESTS_BY_ACCOUNT("account_mail_requests", "attempts");

        final String table;
        final String count;

        Kind(String table, String count) {
            this.table = table;
            this.count = count;
        }
    }

    /** The outcome of a claim; when refused, {@code retryAfter} says how long until the full window ends. */
    public record Claim(boolean granted, Duration retryAfter) {
    }

    /** One insert race lost, one window that ended meanwhile: a third round always settles it. */
    private static final int ROUNDS = 3;

    /** Rows whose window started after this are open: the database's now less the window (ms, typed for H2). */
    private static final String WINDOW_START =
            "CURRENT_TIMESTAMP - CAST(:windowMillis AS BIGINT) * INTERVAL '0.001' SECOND";

    private final Jdbi jdbi;
    private final String table;
    private final String claimSql;
    private final String openSql;
    private final String readSql;
    private final String releaseSql;
    private final String forgetSql;

    public AddressWindows(Jdbi jdbi, Kind kind) {
        this.jdbi = jdbi;
        this.table = kind.table;
        String t = kind.table;
        String c = kind.count;
        // Names come from the enum above, never from input. Every time is the database's CURRENT_TIMESTAMP,
        // so instances whose clocks drift still agree on when a window ends.
        this.claimSql = "UPDATE " + t + " SET"
                + " " + c + " = CASE WHEN window_started_at > " + WINDOW_START + " THEN " + c + " + 1 ELSE 1 END,"
                + " window_started_at = CASE WHEN window_started_at > " + WINDOW_START
                + " THEN window_started_at ELSE CURRENT_TIMESTAMP END"
                + " WHERE address = :address AND (window_started_at <= " + WINDOW_START + " OR " + c + " < :max)";
        this.openSql = "INSERT INTO " + t + " (address, window_started_at, " + c + ")"
                + " VALUES (:address, CURRENT_TIMESTAMP, 1) ON CONFLICT DO NOTHING";
        this.readSql = "SELECT EXTRACT(EPOCH FROM (window_started_at - (" + WINDOW_START + "))) AS seconds_left,"
                + " " + c + " AS attempts FROM " + t + " WHERE address = :address";
        this.releaseSql = "UPDATE " + t + " SET " + c + " = " + c + " - 1"
                + " WHERE address = :address AND window_started_at > " + WINDOW_START + " AND " + c + " > 0";
        this.forgetSql = "DELETE FROM " + t + " WHERE window_started_at <= " + WINDOW_START;
    }

    /**
     * Claims one attempt for {@code address} in its window of length {@code window} ending now; refused when
     * the current window already holds {@code max}.
     */
    public Claim claim(String address, Duration window, int max) {
        long windowMillis = window.toMillis();
        for (int round = 0; round < ROUNDS; round++) {
            if (update(claimSql, Map.of("address", address, "windowMillis", windowMillis, "max", max)) == 1) {
                return new Claim(true, Duration.ZERO);
            }
            if (update(openSql, Map.of("address", address)) == 1) {
                return new Claim(true, Duration.ZERO);
            }
            Optional<Window> current = read(address, windowMillis);
            if (current.isPresent() && current.get().left().compareTo(Duration.ZERO) > 0
                    && current.get().attempts() >= max) {
                return new Claim(false, current.get().left());
            }
            // The row vanished (purged) or its window ended or emptied meanwhile: claim again.
        }
        throw new IllegalStateException("address window for one address kept changing under " + ROUNDS + " claims");
    }

    /** Gives back one claim of the address's current window (nothing if that window has ended). */
    public void release(String address, Duration window) {
        update(releaseSql, Map.of("address", address, "windowMillis", window.toMillis()));
    }

    /** Deletes the windows of length {@code window} that have ended by the database's clock; returns how many. */
    public int forgetEnded(Duration window) {
        return update(forgetSql, Map.of("windowMillis", window.toMillis()));
    }

    /** The table these windows are kept in, for logs. */
    public String table() {
        return table;
    }

    private int update(String sql, Map<String, ?> arguments) {
        return jdbi.withHandle(handle -> handle.createUpdate(sql).bindMap(arguments).execute());
    }

    private Optional<Window> read(String address, long windowMillis) {
        return jdbi.withHandle(handle -> handle.createQuery(readSql)
                .bind("address", address)
                .bind("windowMillis", windowMillis)
                .map((rs, ctx) -> new Window(Timestamps.seconds(rs, "seconds_left"), rs.getInt("attempts")))
                .findOne());
    }

    /** A window as the database sees it now: how long it has left, and the attempts it holds. */
    private record Window(Duration left, int attempts) {
    }
}
