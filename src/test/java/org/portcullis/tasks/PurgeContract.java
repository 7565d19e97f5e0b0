package org.portcullis.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.ClockedApplication;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.SettableClock;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge through {@code POST /tasks/purge-expired} on the admin port, on a test clock, in a database of
 * its own so every row it may remove is one this test made: config.yml's 7-day retention and refresh
 * tokens, and the 15-minute address window. Throttle windows are timed by the database's clock, which a
 * test cannot move: for them time passes by moving their rows' start back by as much.
 */
abstract class PurgeContract extends AppOnDatabase {
    private Api api;
    private Api admin;
    private SettableClock clock;
    private Instant start;
    private Duration throttleRowsAged = Duration.ZERO;

    protected PurgeContract(DatabaseExtension db) {
        super(db, ClockedApplication.class, Map.of());
    }

    @BeforeEach
    void clients() {
        api = new Api(app().getLocalPort());
        admin = new Api(app().getAdminPort());
        ClockedApplication application = app().getApplication();
        clock = application.settableClock();
    }

    @Test
    void endedSessionsGoAfterTheRetentionAndThrottleRowsAfterTheirWindow() throws SQLException {
        start = clock.instant();
        String email = api.newAccount();
        String live = api.login(email).get("access_token").asText();
        String loggedOut = api.login(email).get("access_token").asText();
        String liveId = currentSessionId(live);
        String loggedOutId = currentSessionId(loggedOut);
        api.post("/api/v1/auth/logout", loggedOut, Map.of()).expect(204);
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "wrong password here")).expect(401);
        // The registration's verification mail is sent (to a file) at start, on the test clock.
        awaitRows("SELECT count(*) FROM mail_outbox WHERE status = 'sent'", 1);

        assertThat(purge()).isEqualTo(purged(0, 0, 0, 0));

        letTimePass(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(purge()).isEqualTo(purged(0, 1, 0, 0));

        // revoked at start: gone once the 7-day retention has passed; the other session expires only then.
        // The registration's window (1 h) has closed by now too, and the mail sent at start goes.
        letTimePass(Duration.ofDays(7).plusSeconds(1));
        assertThat(purge()).isEqualTo(purged(1, 1, 1, 0));
        assertThat(sessionRowExists(loggedOutId)).isFalse();
        assertThat(sessionRowExists(liveId)).isTrue();

        // The verification token expired 24 h after start: gone the retention after that.
        letTimePass(Duration.ofDays(14).plusSeconds(1));
        assertThat(purge()).isEqualTo(purged(1, 0, 0, 1));
        assertThat(sessionRowExists(liveId)).isFalse();

        var metrics = app().getEnvironment().metrics();
        assertThat(metrics.counter("portcullis.purge.sessions_removed").getCount()).isEqualTo(2);
        assertThat(metrics.counter("portcullis.purge.throttle_rows_removed").getCount()).isEqualTo(2);
    }

    /** Moves the app's clock to {@code sinceStart} after the start, and the throttle rows' windows as far. */
    @Test
    void expiredDeviceTokensAndEndedMailRequestWindowsGoToo() throws SQLException {
        start = clock.instant();
        String email = api.newAccount();
        api.login(email);
        api.post("/api/v1/auth/password-reset", null, Map.of("email", email)).expect(202);
        // the per-account window is claimed after the answer, on the reset thread
        awaitRows("SELECT count(*) FROM account_mail_requests", 1);
        awaitRows("SELECT count(*) FROM client_mail_requests", 1);
        int deviceTokens = count("SELECT count(*) FROM device_tokens");
        assertThat(deviceTokens).isPositive();
        String before = purge();

        // Past the tokens' lifetime and the mail window (1 h), by the database's clock, which decides both.
        execute("UPDATE device_tokens SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND");
        for (String table : new String[]{"client_mail_requests", "account_mail_requests"}) {
            execute("UPDATE " + table + " SET window_started_at = window_started_at - INTERVAL '2' HOUR");
        }
        assertThat(purge()).isNotEqualTo(before).contains(", " + (deviceTokens + 2) + " expired throttle rows,");
        assertThat(count("SELECT count(*) FROM device_tokens")).isZero();
        assertThat(count("SELECT count(*) FROM client_mail_requests") + count("SELECT count(*) FROM account_mail_requests"))
                .isZero();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database().url());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private void letTimePass(Duration sinceStart) throws SQLException {
        clock.set(start.plus(sinceStart));
        long millis = sinceStart.minus(throttleRowsAged).toMillis();
        throttleRowsAged = sinceStart;
        try (Connection connection = DriverManager.getConnection(database().url())) {
            for (String table : new String[]{"client_failures", "client_registrations"}) {
                try (PreparedStatement age = connection.prepareStatement("UPDATE " + table
                        + " SET window_started_at = window_started_at - CAST(? AS BIGINT) * INTERVAL '0.001' SECOND")) {
                    age.setLong(1, millis);
                    age.executeUpdate();
                }
            }
        }
    }

    private String purge() {
        return admin.send(admin.request("/tasks/purge-expired", null).POST(
                java.net.http.HttpRequest.BodyPublishers.noBody())).expect(200).body();
    }

    private static String purged(int sessions, int throttleRows, int mails, int tokens) {
        return "Purged " + sessions + " expired or revoked sessions, " + throttleRows + " expired throttle rows, "
                + mails + " sent or failed mails, " + tokens + " expired mail tokens and 0 audit events past their"
                + " retention.\n";
    }

    /** Polls {@code countQuery} until it says {@code rows} (the outbox is sent asynchronously); fails after 10 s. */
    private void awaitRows(String countQuery, int rows) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (count(countQuery) != rows) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(countQuery + " never reached " + rows);
            }
            Thread.onSpinWait();
        }
    }

    private int count(String countQuery) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database().url());
             PreparedStatement query = connection.prepareStatement(countQuery);
             ResultSet result = query.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    private String currentSessionId(String accessToken) {
        for (JsonNode session : api.get("/api/v1/sessions/me", accessToken).expect(200).json().get("sessions")) {
            if (session.get("is_current").asBoolean()) {
                return session.get("id").asText();
            }
        }
        throw new AssertionError("no current session");
    }

    private boolean sessionRowExists(String id) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database().url());
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM sessions WHERE id = ?")) {
            query.setObject(1, java.util.UUID.fromString(id));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        }
    }
}
