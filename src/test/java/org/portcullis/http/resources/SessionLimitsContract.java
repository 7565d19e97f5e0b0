package org.portcullis.http.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.ClockedApplication;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.SettableClock;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two limits on sessions, through the API on a test clock: the absolute lifetime refreshing cannot
 * extend (config.yml's 30 days and 7-day refresh tokens), and at most three live sessions per user.
 */
abstract class SessionLimitsContract extends AppOnDatabase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_AGE = Duration.ofDays(30);

    protected SessionLimitsContract(DatabaseExtension db) {
        super(db, ClockedApplication.class, Map.of("tokens.maxSessionsPerUser", "3"));
    }

    private Api api;
    private SettableClock clock;

    @BeforeEach
    void client() {
        api = new Api(app().getLocalPort());
        ClockedApplication application = app().getApplication();
        clock = application.settableClock();
    }

    @Test
    void refreshingKeepsASessionAliveOnlyUntilThirtyDaysAfterItsLogin() {
        JsonNode tokens = api.login(api.newAccount());
        JsonNode session = onlySession(tokens);
        Instant created = Instant.parse(session.get("created_at").asText());
        Instant end = created.plus(MAX_AGE);
        assertThat(Instant.parse(session.get("expires_at").asText())).isEqualTo(created.plus(Duration.ofDays(7)));

        for (int day = 6; day <= 24; day += 6) {
            clock.set(created.plus(Duration.ofDays(day)));
            tokens = refresh(tokens).expect(200).json();
        }
        // day 24: a full refresh lifetime would reach day 31; the session's end caps it at day 30
        assertThat(Instant.parse(onlySession(tokens).get("expires_at").asText())).isEqualTo(end);
        assertThat(expiryClaim(tokens.get("refresh_token").asText())).isEqualTo(end.getEpochSecond());

        clock.set(end.minus(Duration.ofMinutes(1)));
        tokens = refresh(tokens).expect(200).json();
        assertThat(Instant.parse(onlySession(tokens).get("expires_at").asText())).isEqualTo(end);
        assertThat(expiryClaim(tokens.get("refresh_token").asText())).isLessThanOrEqualTo(end.getEpochSecond());

        clock.set(end);
        api.get("/api/v1/users/me", tokens.get("access_token").asText()).expect(401);
        refresh(tokens).expect(401);
    }

    @Test
    void theFourthLoginRevokesTheLeastRecentlyUsedSessionAndKeepsTheOthers() {
        String email = api.newAccount();
        String first = accessToken(api.login(email));
        clock.advance(Duration.ofMinutes(2));
        String second = accessToken(api.login(email));
        clock.advance(Duration.ofMinutes(2));
        String third = accessToken(api.login(email));
        clock.advance(Duration.ofMinutes(2));
        // using the first session makes the second the least recently used
        api.get("/api/v1/users/me", first).expect(200);
        clock.advance(Duration.ofMinutes(2));

        String fourth = accessToken(api.login(email));

        api.get("/api/v1/users/me", second).expect(401);
        for (String kept : new String[]{first, third, fourth}) {
            api.get("/api/v1/users/me", kept).expect(200);
        }
        assertThat(api.get("/api/v1/sessions/me", fourth).expect(200).json().get("total").asInt()).isEqualTo(3);
    }

    @Test
    void anotherUsersLoginsNeverRevokeASession() {
        String mine = accessToken(api.login(api.newAccount()));
        String other = api.newAccount();
        for (int i = 0; i < 4; i++) {
            api.login(other);
        }
        api.get("/api/v1/users/me", mine).expect(200);
    }

    private static String accessToken(JsonNode tokens) {
        return tokens.get("access_token").asText();
    }

    private Api.Reply refresh(JsonNode tokens) {
        return api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", tokens.get("refresh_token").asText()));
    }

    private JsonNode onlySession(JsonNode tokens) {
        JsonNode list = api.get("/api/v1/sessions/me", tokens.get("access_token").asText()).expect(200).json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        return list.get("sessions").get(0);
    }

    private static long expiryClaim(String jwt) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
            return JSON.readTree(payload).get("exp").asLong();
        } catch (IOException e) {
            throw new AssertionError("not a JWT payload: " + jwt, e);
        }
    }
}
