package org.portcullis.faults;

import org.junit.jupiter.api.Test;
import org.portcullis.support.Api;
import org.portcullis.support.Api.Reply;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row held by another transaction past the database's lock timeout: the request that needed it is told
 * to come back (503 + Retry-After in the one error shape), not handed a 500. The app's connections get a
 * short lock timeout through the JDBC driver's properties (subclasses say how for their database); the
 * test holds the user's row with SELECT … FOR UPDATE on a connection of its own until the answer is in,
 * so the wait can only end in the timeout.
 */
abstract class LockTimeoutContract extends AppOnDatabase {
    /** @param lockTimeout the config.yml override that sets a short lock timeout on the app's connections */
    protected LockTimeoutContract(DatabaseExtension db, Map<String, String> lockTimeout) {
        super(db, lockTimeout);
    }

    @Test
    void anUpdateThatTimesOutWaitingForALockIs503WithRetryAfter() throws SQLException {
        Api api = new Api(app().getLocalPort());
        String email = api.newAccount();
        String token = api.login(email).get("access_token").asText();

        try (Connection holder = DriverManager.getConnection(database().url())) {
            holder.setAutoCommit(false);
            lockUserRow(holder, email);

            Reply blocked = api.patch("/api/v1/users/me", token, Map.of("first_name", "Blocked"));

            blocked.expect(503);
            assertThat(blocked.header("Retry-After")).isEqualTo("5");
            assertThat(blocked.json().get("code").asInt()).isEqualTo(503);
            assertThat(blocked.json().get("message").asText()).isEqualTo("Database busy; retry shortly");
            holder.rollback();
        }
        assertThat(api.patch("/api/v1/users/me", token, Map.of("first_name", "Free")).expect(200)
                .json().get("first_name").asText()).as("the row once released").isEqualTo("Free");
    }

    private static void lockUserRow(Connection connection, String email) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM users WHERE email = ? FOR UPDATE")) {
            select.setString(1, email);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).as("the user's row is held").isTrue();
            }
        }
    }
}
