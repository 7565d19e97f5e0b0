package org.portcullis.db;

import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The {@link ChangeFeed}'s notification to itself, on a channel named afresh for each subscription (never
 * after the backend id: a pooler's may be negative, and a "-" in a LISTEN's channel name is a syntax error).
 *
 * <p>One statement per heartbeat, no extra round trip, that sends it only when it proves something: the four
 * change triggers of migrations.xml exist and would fire (enabled ALWAYS, or enabled for origin while this
 * database's sessions default to origin), and the statement runs on the backend the protocol named at
 * connect time. A pooler hands out a key of its own, which {@code pg_backend_pid()} then contradicts; a
 * statement on another backend fails the heartbeat with {@link NotOnItsOwnBackend}.
 */
final class Heartbeat implements AutoCloseable {
    private static final String CHANNELS = "portcullis_heartbeat_";
    private static final String SQL = "SELECT armed = 4 AS armed, pg_backend_pid() AS backend,"
            + " CASE WHEN armed = 4 AND pg_backend_pid() = ? THEN pg_notify(?, ?)::text END AS sent"
            + " FROM (SELECT count(*) AS armed FROM pg_trigger t"
            + " JOIN (VALUES ('users', 'users_changed'), ('users', 'users_truncated'),"
            + " ('sessions', 'sessions_changed'), ('sessions', 'sessions_truncated')) AS expected (tab, name)"
            + " ON t.tgrelid = to_regclass(expected.tab) AND t.tgname = expected.name"
            + " WHERE t.tgenabled = 'A' OR (t.tgenabled = 'O'"
            + " AND current_setting('session_replication_role') <> 'replica')) AS triggers";

    private final PreparedStatement statement;
    private final int backend;
    private final String channel;

    private Heartbeat(PreparedStatement statement, int backend, String channel) {
        this.statement = statement;
        this.backend = backend;
        this.channel = channel;
    }

    /** The heartbeat of {@code connection}, opened as {@code backend}; fails if the server disagrees. */
    static Heartbeat on(Connection connection, int backend) throws SQLException {
        try (Statement check = connection.createStatement();
             ResultSet row = check.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            requireOwn(backend, row.getInt(1));
        }
        String channel = CHANNELS + UUID.randomUUID().toString().replace("-", "");
        PreparedStatement statement = connection.prepareStatement(SQL);
        statement.setInt(1, backend);
        statement.setString(2, channel);
        return new Heartbeat(statement, backend, channel);
    }

    String channel() {
        return channel;
    }

    /** Sends the heartbeat stamped {@code sentAt} if the change triggers are armed; returns whether they were. */
    boolean sendIfArmed(long sentAt) throws SQLException {
        statement.setString(3, Long.toString(sentAt));
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            requireOwn(backend, row.getInt("backend"));
            return row.getBoolean("armed");
        }
    }

    /** The send time a notification on our channel carries, if our own backend sent it; nothing otherwise. */
    OptionalLong sentAt(PGNotification notification) {
        if (notification.getPID() != backend) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(notification.getParameter()));
        } catch (NumberFormatException notOurs) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }

    private static void requireOwn(int connected, int serving) throws NotOnItsOwnBackend {
        if (serving != connected) {
            throw new NotOnItsOwnBackend(connected, serving);
        }
    }

    /** The statements do not run on the backend the connection was opened as: a pooler is in between. */
    static final class NotOnItsOwnBackend extends SQLException {
        NotOnItsOwnBackend(int connected, int serving) {
            super("its connection was opened as backend " + connected + " but is served by backend " + serving
                    + " (a pooler such as PgBouncer in transaction mode?), where LISTEN cannot work");
        }
    }
}
