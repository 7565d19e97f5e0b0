package org.portcullis.mail;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;

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
 * How much mail a client can make the service send: per client address a 429 with Retry-After once the
 * window's share is asked for; per account, password resets beyond its share are dropped in the background
 * (a 429 there would tell which addresses have accounts), and fresh verification links get a 429.
 */
class MailRequestLimitsTest extends AppOnDatabase {
    private static final int PER_ADDRESS = 3;
    private static final int PER_ACCOUNT = 2;

    private Api api;

    MailRequestLimitsTest() {
        super(DatabaseExtension.h2(), Map.of("mail.requests.perAddress", String.valueOf(PER_ADDRESS),
                "mail.requests.perAccount", String.valueOf(PER_ACCOUNT),
                "mail.directory", "target/test-mail-limits", "clients.trustedProxies", "127.0.0.1"));
    }

    @BeforeEach
    void client() {
        api = new Api(app().getLocalPort());
    }

    @Test
    void anAddressThatAskedForItsShareGets429WithRetryAfter() {
        String client = "192.0.2.10";
        for (int i = 0; i < PER_ADDRESS; i++) {
            reset(client, "someone-" + i + "@example.org").expect(202);
        }
        reset("192.0.2.11", "another-client@example.org").expect(202);
        Api.Reply refused = reset(client, "one-more@example.org");
        refused.expect(429);
        assertThat(refused.json().get("code").asInt()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
    }

    @Test
    void resetsBeyondAnAccountsShareAreDroppedWithoutTellingTheClient() throws Exception {
        String email = api.newAccount();
        var over = app().getEnvironment().metrics().counter("portcullis.mail.reset_requests_over_account_limit");
        long overBefore = over.getCount();
        // Each from an address of its own, so that only the account's share can refuse them.
        for (int i = 0; i < PER_ACCOUNT + 1; i++) {
            reset("198.51.100." + (i + 1), email).expect(202);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (over.getCount() == overBefore && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(over.getCount() - overBefore).as("one request over the account's share").isEqualTo(1);
        assertThat(resetMailsTo(email)).isEqualTo(PER_ACCOUNT);
    }

    @Test
    void freshVerificationLinksBeyondAnAccountsShareGet429() {
        String email = api.newAccount();
        String access = api.login(email).get("access_token").asText();
        int accepted = 0;
        JsonNode refused = null;
        for (int i = 0; i < PER_ACCOUNT + 2 && refused == null; i++) {
            Api.Reply reply = api.post("/api/v1/auth/verify-email/request", access, Map.of());
            if (reply.status() == 429) {
                refused = reply.json();
            } else {
                reply.expect(202);
                accepted++;
            }
        }
        assertThat(refused).as("a 429 within the account's share plus one").isNotNull();
        assertThat(refused.get("code").asInt()).isEqualTo(429);
        assertThat(accepted).isLessThanOrEqualTo(PER_ACCOUNT);
    }

    /** A reset asked through our trusted proxy (127.0.0.1) for the client at {@code address}. */
    private Api.Reply reset(String address, String email) {
        return api.send(api.request("/api/v1/auth/password-reset", null).header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")));
    }

    private int resetMailsTo(String email) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database().url());
             PreparedStatement count = connection.prepareStatement(
                     "SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND subject = 'Reset your password'")) {
            count.setString(1, email);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
