package org.portcullis.db;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
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

    /** The outcome of a claim; when refused, {@code reopensAt} says when the full window ends. */
    public record Claim(boolean granted, Instant reopensAt) {
    }

    /** One insert race lost, one window that ended meanwhile: a third round always settles it. */
    private static final int ROUNDS = 3;

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
        // Names come from the enum above, never from input.
        this.claimSql = "UPDATE " + t + " SET"
                + " " + c + " = CASE WHEN window_started_at > :windowStart THEN " + c + " + 1 ELSE 1 END,"
                + " window_started_at = CASE WHEN window_started_at > :windowStart THEN window_started_at ELSE :now END"
                + " WHERE address = :address AND (window_started_at <= :windowStart OR " + c + " < :max)";
        this.openSql = "INSERT INTO " + t + " (address, window_started_at, " + c + ") VALUES (:address, :now, 1)"
                + " ON CONFLICT DO NOTHING";
        this.readSql = "SELECT window_started_at AS started, " + c + " AS attempts FROM " + t
                + " WHERE address = :address";
        this.releaseSql = "UPDATE " + t + " SET " + c + " = " + c + " - 1"
                + " WHERE address = :address AND window_started_at > :windowStart AND " + c + " > 0";
        this.forgetSql = "DELETE FROM " + t + " WHERE window_started_at <= :windowStart";
    }

    /**
     * Claims one attempt for {@code address} in its window of length {@code window} ending now; refused when
     * the current window already holds {@code max}.
     */
    public Claim claim(String address, Instant now, Duration window, int max) {
        Instant windowStart = now.minus(window);
        for (int round = 0; round < ROUNDS; round++) {
            if (update(claimSql, Map.of("address", address, "now", now, "windowStart", windowStart, "max", max)) == 1) {
                return new Claim(true, null);
            }
            if (update(openSql, Map.of("address", address, "now", now)) == 1) {
                return new Claim(true, null);
            }
            Optional<Window> current = read(address);
            if (current.isPresent() && current.get().started().isAfter(windowStart)
                    && current.get().attempts() >= max) {
                return new Claim(false, current.get().started().plus(window));
            }
            // The row vanished (purged) or its window ended or emptied meanwhile: claim again.
        }
        throw new IllegalStateException("address window for one address kept changing under " + ROUNDS + " claims");
    }

    /** Gives back one claim of the address's current window (nothing if that window has ended). */
    public void release(String address, Instant now, Duration window) {
        update(releaseSql, Map.of("address", address, "windowStart", now.minus(window)));
    }

    /** Deletes the windows that started at or before {@code windowStart} (they have ended); returns how many. */
    public int forgetStartedBefore(Instant windowStart) {
        return update(forgetSql, Map.of("windowStart", windowStart));
    }

    /** The table these windows are kept in, for logs. */
    public String table() {
        return table;
    }

    private int update(String sql, Map<String, ?> arguments) {
        return jdbi.withHandle(handle -> handle.createUpdate(sql).bindMap(arguments).execute());
    }

    private Optional<Window> read(String address) {
        return jdbi.withHandle(handle -> handle.createQuery(readSql)
                .bind("address", address)
                .map((rs, ctx) -> new Window(Timestamps.read(rs, "started"), rs.getInt("attempts")))
                .findOne());
    }

    private record Window(Instant started, int attempts) {
    }
}
