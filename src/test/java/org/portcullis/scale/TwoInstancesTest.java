package org.portcullis.scale;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.portcullis.PortcullisConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PostgresAvailable;
import org.portcullis.support.TestApps;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two stateless instances on one PostgreSQL database, sharing only the database and JWT_SECRET, behave as
 * one service: whatever one instance learns about a session or an account, the other enforces at once.
 * "At once", on the very next request, is the promise of {@code callerCache.enabled: false}, which these
 * instances run with; with the cache on (the default) the other instance enforces it within
 * {@code callerCache.maxStaleness}, which {@link RememberedCallersTest} pins.
 */
@ExtendWith(PostgresAvailable.class)
class TwoInstancesTest {
    @RegisterExtension
    @Order(1)
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    /** Two instances on the one database, as stateless nodes behind a load balancer. */
    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<PortcullisConfiguration> A = TestApps.functional(DB::url, Map.of("callerCache.enabled", "false"));

    @RegisterExtension
    @Order(3)
    static final DropwizardAppExtension<PortcullisConfiguration> B = TestApps.functional(DB::url, Map.of("callerCache.enabled", "false"));

    private final Api onA = new Api(A.getLocalPort());
    private final Api onB = new Api(B.getLocalPort());

    @Test
    void aSessionOpenedOnAIsListedRefreshedAndRevokedOnB() {
        String email = onA.newAccount();
        JsonNode login = onA.login(email);
        String access = login.get("access_token").asText();

        JsonNode sessions = onB.get("/api/v1/sessions/me", access).expect(200).json();
        assertThat(sessions.get("total").asInt()).isEqualTo(1);
        String sessionId = sessions.get("sessions").get(0).get("id").asText();

        JsonNode refreshed = onB.post("/api/v1/auth/refresh", null,
                Map.of("refresh_token", login.get("refresh_token").asText())).expect(200).json();
        onA.get("/api/v1/users/me", refreshed.get("access_token").asText()).expect(200);

        String other = onB.login(email).get("access_token").asText();
        onB.delete("/api/v1/sessions/" + sessionId, other).expect(204);
        onA.get("/api/v1/users/me", access).expect(401);
        onA.get("/api/v1/users/me", refreshed.get("access_token").asText()).expect(401);
    }

    @Test
    void aReplayOnBKillsTheSessionOnA() {
        JsonNode login = onA.login(onA.newAccount());
        String spent = login.get("refresh_token").asText();
        JsonNode next = onA.post("/api/v1/auth/refresh", null, Map.of("refresh_token", spent)).expect(200).json();

        onB.post("/api/v1/auth/refresh", null, Map.of("refresh_token", spent)).expect(401);

        onA.get("/api/v1/users/me", next.get("access_token").asText()).expect(401);
        onA.post("/api/v1/auth/refresh", null, Map.of("refresh_token", next.get("refresh_token").asText())).expect(401);
    }

    @Test
    void aLockoutEarnedOnAHoldsOnB() {
        String email = onA.newAccount();
        for (int i = 0; i < 10; i++) {
            onA.post("/api/v1/auth/login", null, Map.of("email", email, "password", "wrong password " + i)).expect(401);
        }
        onB.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD)).expect(429);
    }
}
