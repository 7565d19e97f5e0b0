package org.portcullis.http.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api;
import org.portcullis.support.Api.Reply;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portcullis.http.resources.LoginThrottleContract.randomAddress;

/**
 * Known devices (OWASP "device cookies") through the HTTP API: a login that presents its account's
 * device_token is not refused for what unknown clients did, and has a lock of its own. config.yml's limits
 * (10 failures per account, 5 per device token) but 20 per address and 3 device tokens per account; the
 * app trusts 127.0.0.1 as a proxy, so each client speaks from its own address with X-Forwarded-For.
 */
abstract class KnownDeviceContract extends AppOnDatabase {
    private static final int ADDRESS_MAX_FAILURES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    protected KnownDeviceContract(DatabaseExtension db) {
        super(db, Map.of(
                "clients.trustedProxies", "127.0.0.1",
                "lockout.addressMaxFailures", String.valueOf(ADDRESS_MAX_FAILURES),
                "lockout.deviceTokensPerUser", "3"));
    }

    private Api api;
    private String email;
    private String owner;
    private String attacker;

    @BeforeEach
    void accountAndClients() {
        api = new Api(app().getLocalPort());
        email = api.newAccount();
        owner = randomAddress();
        attacker = randomAddress();
    }

    @Test
    void aKnownDeviceLogsInWhileTwelveWrongPasswordsOfAnUnknownClientHaveLockedTheAccount() {
        String device = deviceToken(login(email, Api.PASSWORD, owner, null).expect(200));
        for (int i = 0; i < 12; i++) {
            login(email, "wrong password " + i, attacker, null).expect(i < 10 ? 401 : 429);
        }
        login(email, Api.PASSWORD, attacker, null).expect(429);
        login(email, Api.PASSWORD, randomAddress(), null).expect(429); // any unknown client

        Reply known = login(email, Api.PASSWORD, owner, device).expect(200);

        assertThat(known.json().get("access_token").asText()).isNotEmpty();
        // The account stays locked to unknown clients: a known device's success does not clear their count.
        login(email, Api.PASSWORD, attacker, null).expect(429);
    }

    @Test
    void aKnownDeviceLogsInFromAnAddressThatWrongLoginsToMadeUpEmailsHaveExhausted() {
        String device = deviceToken(login(email, Api.PASSWORD, owner, null).expect(200));
        for (int i = 0; i < ADDRESS_MAX_FAILURES; i++) {
            login("nobody-" + i + "@example.org", "wrong password here", owner, null).expect(401);
        }
        login(email, Api.PASSWORD, owner, null).expect(429);

        login(email, Api.PASSWORD, owner, device).expect(200);
    }

    @Test
    void aDeviceTokenIsSpentByTheLoginThatPresentsItWhichReturnsAFreshOne() {
        String first = deviceToken(login(email, Api.PASSWORD, owner, null).expect(200));
        String second = deviceToken(login(email, Api.PASSWORD, owner, first).expect(200));
        assertThat(second).isNotEqualTo(first);
        lockAgainstUnknownClients();

        login(email, Api.PASSWORD, owner, first).expect(429); // a spent token makes an unknown client
        login(email, Api.PASSWORD, owner, second).expect(200);
    }

    @Test
    void fiveWrongPasswordsWithADeviceTokenLockThatTokenAloneAndNotTheAccount() {
        String laptop = deviceToken(login(email, Api.PASSWORD, owner, null).expect(200));
        String phone = deviceToken(login(email, Api.PASSWORD, owner, null).expect(200));
        for (int i = 0; i < 5; i++) {
            login(email, "wrong password " + i, owner, laptop).expect(401);
        }

        Reply locked = login(email, Api.PASSWORD, owner, laptop).expect(429);
        assertThat(locked.json().get("message").asText()).isEqualTo("Too many failed logins from this device; try again later");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(55L, 60L);
        login(email, Api.PASSWORD, owner, phone).expect(200);
        login(email, Api.PASSWORD, randomAddress(), null).expect(200); // nothing counted against the account
    }

    @Test
    void anotherAccountsDeviceTokenMakesNoKnownDevice() {
        String other = api.newAccount();
        String othersDevice = deviceToken(login(other, Api.PASSWORD, owner, null).expect(200));
        lockAgainstUnknownClients();

        login(email, Api.PASSWORD, owner, othersDevice).expect(429);
        login(other, Api.PASSWORD, owner, othersDevice).expect(200); // still its own account's
    }

    @Test
    void anAccountKeepsItsNewestDeviceTokensAndForgetsTheOlder() {
        String oldest = deviceToken(login(email, Api.PASSWORD, owner, null).expect(200));
        String second = deviceToken(login(email, Api.PASSWORD, owner, null).expect(200));
        login(email, Api.PASSWORD, owner, null).expect(200);
        login(email, Api.PASSWORD, owner, null).expect(200);
        lockAgainstUnknownClients();

        login(email, Api.PASSWORD, owner, oldest).expect(429);
        login(email, Api.PASSWORD, owner, second).expect(200);
    }

    @Test
    void anExpiredDeviceTokenMakesNoKnownDevice() throws SQLException {
        String device = deviceToken(login(email, Api.PASSWORD, owner, null).expect(200));
        lockAgainstUnknownClients();
        // Its lifetime passes: it expired a second ago, by the database's clock.
        try (Connection connection = DriverManager.getConnection(database().url());
             PreparedStatement expire = connection.prepareStatement("UPDATE device_tokens"
                     + " SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND"
                     + " WHERE user_id = (SELECT id FROM users WHERE email = ?)")) {
            expire.setString(1, email);
            assertThat(expire.executeUpdate()).isEqualTo(1);
        }

        login(email, Api.PASSWORD, owner, device).expect(429);
    }

    @Test
    void aRefreshReturnsNoDeviceToken() {
        JsonNode tokens = login(email, Api.PASSWORD, owner, null).expect(200).json();
        JsonNode refreshed = api.post("/api/v1/auth/refresh", null,
                Map.of("refresh_token", tokens.get("refresh_token").asText())).expect(200).json();
        assertThat(refreshed.has("device_token")).isFalse();
    }

    @Test
    void aMalformedDeviceTokenIsRefusedWith422NamingTheField() {
        Reply refused = login(email, Api.PASSWORD, owner, "not a token!").expect(422);

        assertThat(refused.json().get("errors").toString()).contains("device_token");
        login(email, Api.PASSWORD, owner, null).expect(200);
    }

    private void lockAgainstUnknownClients() {
        for (int i = 0; i < 10; i++) {
            login(email, "wrong password " + i, randomAddress(), null).expect(401);
        }
        login(email, Api.PASSWORD, randomAddress(), null).expect(429);
    }

    private static String deviceToken(Reply reply) {
        String token = reply.json().get("device_token").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        return token;
    }

    private Reply login(String account, String password, String from, String deviceTokenOrNull) {
        Map<String, String> body = new HashMap<>(Map.of("email", account, "password", password));
        if (deviceTokenOrNull != null) {
            body.put("device_token", deviceTokenOrNull);
        }
        return api.send(api.request("/api/v1/auth/login", null)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    private static String json(Map<String, String> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
