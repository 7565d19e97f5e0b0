package org.portcullis.audit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail as an operator reads it on the admin port (GET /audit) and as a log shipper reads it
 * (one JSON line per event on portcullis.audit): what each decision records, for whom, from where.
 */
abstract class AuditTrailContract extends AppOnDatabase {
    private static final String CLIENT = "audit-probe";
    private static final String CLIENT_SECRET = "audit-probe-secret-of-at-least-32-characters";

    private Api api;
    private Api admin;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger auditLog = (Logger) LoggerFactory.getLogger("portcullis.audit");

    protected AuditTrailContract(DatabaseExtension db) {
        super(db, Map.of("tokens.introspection.clients." + CLIENT, CLIENT_SECRET,
                "logging.loggers.portcullis\\.audit", "INFO"));
    }

    @BeforeEach
    void clients() {
        api = new Api(app().getLocalPort());
        admin = new Api(app().getAdminPort());
        lines.start();
        auditLog.addAppender(lines);
    }

    @AfterEach
    void detach() {
        auditLog.detachAppender(lines);
    }

    private List<JsonNode> events(String email) {
        JsonNode page = admin.get("/audit?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8), null)
                .expect(200).json();
        List<JsonNode> events = new ArrayList<>();
        page.get("events").forEach(events::add);
        assertThat(page.get("count").asInt()).isEqualTo(events.size());
        return events;
    }

    private JsonNode newest(String email, String type) {
        return events(email).stream().filter(e -> e.get("type").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " event for " + email + ": " + events(email)));
    }

    @Test
    void aLogoutIsRecordedWithTheAccountTheSessionTheAddressAndTheUserAgent() {
        String email = api.newAccount();
        JsonNode login = api.login(email);
        String sessionId = api.get("/api/v1/sessions/me", login.get("access_token").asText()).json()
                .get("sessions").get(0).get("id").asText();
        api.send(api.request("/api/v1/auth/logout", login.get("access_token").asText())
                .header("User-Agent", "audit-test/1.0").POST(HttpRequest.BodyPublishers.noBody())).expect(204);

        JsonNode event = newest(email, "SESSION_REVOKED");
        assertThat(event.get("detail").asText()).isEqualTo("logout");
        assertThat(event.get("session_id").asText()).isEqualTo(sessionId);
        assertThat(event.get("user_id").asText()).isEqualTo(login.get("user").get("id").asText());
        assertThat(event.get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(event.get("user_agent").asText()).isEqualTo("audit-test/1.0");
        assertThat(event.get("occurred_at").asText()).endsWith("Z");
    }

    @Test
    void everyLoginThatReachedThePasswordCheckIsRecordedWithItsOutcome() {
        String email = api.newAccount();
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "a wrong password")).expect(401);
        JsonNode first = api.login(email);
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD,
                "device_token", first.get("device_token").asText())).expect(200);
        String unknown = "nobody-" + email;
        api.post("/api/v1/auth/login", null, Map.of("email", unknown, "password", "a wrong password")).expect(401);

        assertThat(events(email).stream().filter(e -> e.get("type").asText().startsWith("LOGIN_"))
                .map(e -> e.get("type").asText() + ": " + e.get("detail").asText()).toList())
                .containsExactly("LOGIN_SUCCEEDED: known device", "LOGIN_SUCCEEDED: new device",
                        "LOGIN_FAILED: wrong password");
        JsonNode success = newest(email, "LOGIN_SUCCEEDED");
        assertThat(success.get("session_id").asText()).isNotBlank();
        JsonNode stranger = newest(unknown, "LOGIN_FAILED");
        assertThat(stranger.get("detail").asText()).isEqualTo("unknown email");
        assertThat(stranger.has("user_id")).isFalse();
    }

    @Test
    void theFailureThatLocksAnAccountIsRecordedAsALockout() {
        String email = api.newAccount();
        for (int i = 0; i < 10; i++) {
            api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "wrong password " + i))
                    .expect(401);
        }
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD)).expect(429);

        List<JsonNode> locks = events(email).stream().filter(e -> e.get("type").asText().equals("ACCOUNT_LOCKED"))
                .toList();
        assertThat(locks).hasSize(1);
        assertThat(locks.get(0).get("detail").asText()).startsWith("account locked for ");
        assertThat(events(email).stream().filter(e -> e.get("type").asText().equals("LOGIN_FAILED"))).hasSize(10);
    }

    @Test
    void aPasswordChangeIsRecordedWithTheSessionsItEnded() {
        String email = api.newAccount();
        api.login(email);
        String access = api.login(email).get("access_token").asText();
        api.patch("/api/v1/users/me/password", access, Map.of("current_password", Api.PASSWORD,
                "new_password", "another correct horse")).expect(204);

        assertThat(newest(email, "PASSWORD_CHANGED").get("detail").asText())
                .isEqualTo("changed by the user; 1 other sessions revoked");
    }

    @Test
    void aReplayedRefreshTokenIsRecordedAsSuch() {
        String email = api.newAccount();
        String spent = api.login(email).get("refresh_token").asText();
        api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", spent)).expect(200);
        api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", spent)).expect(401);

        assertThat(newest(email, "REFRESH_REPLAYED").get("detail").asText()).contains("session revoked");
    }

    @Test
    void revokingASessionAndEndingAllAreRecorded() {
        String email = api.newAccount();
        String first = api.login(email).get("access_token").asText();
        String second = api.login(email).get("access_token").asText();
        String firstId = api.get("/api/v1/sessions/me", second).json().get("sessions").get(1).get("id").asText();
        api.delete("/api/v1/sessions/" + firstId, second).expect(204);
        api.send(api.request("/api/v1/auth/logout-all", second).POST(HttpRequest.BodyPublishers.noBody())).expect(204);
        api.get("/api/v1/users/me", first).expect(401);

        List<String> details = events(email).stream().filter(e -> e.get("type").asText().equals("SESSION_REVOKED"))
                .map(e -> e.get("detail").asText()).toList();
        assertThat(details).containsExactly("logout everywhere: 1 sessions", "revoked by the user");
    }

    @Test
    void aResourceServersRevocationNamesTheResourceServer() {
        String email = api.newAccount();
        String access = api.login(email).get("access_token").asText();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (CLIENT + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        api.send(api.request("/oauth2/revoke", null).header("Authorization", basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + access))).expect(200);

        assertThat(newest(email, "SESSION_REVOKED").get("detail").asText())
                .isEqualTo("revoked by resource server " + CLIENT);
    }

    @Test
    void anOperatorsKeyRotationIsRecorded() {
        admin.send(admin.request("/tasks/rotate-signing-key", null).POST(HttpRequest.BodyPublishers.noBody()))
                .expect(200);
        JsonNode newest = admin.get("/audit?limit=5", null).expect(200).json().get("events").get(0);
        assertThat(newest.get("type").asText()).isEqualTo("SIGNING_KEY_ROTATED");
        assertThat(newest.get("address").asText()).isEqualTo("admin");
        assertThat(newest.get("detail").asText()).contains("retired by an operator");
    }

    @Test
    void operatorTasksAreRecordedEvenForAnUnknownEmail() {
        String email = api.newAccount();
        task("unlock-account?email=" + email);
        task("revoke-sessions?email=" + email);
        task("unlock-account?email=nobody-" + email);

        assertThat(events(email).stream().filter(e -> e.get("type").asText().equals("ADMIN_ACTION"))
                .map(e -> e.get("detail").asText() + " from " + e.get("address").asText()).toList())
                .containsExactly("revoke-sessions: 0 sessions from admin", "unlock-account: nothing_to_clear from admin");
        assertThat(newest("nobody-" + email, "ADMIN_ACTION").get("detail").asText())
                .isEqualTo("unlock-account: no such account");
    }

    private void task(String pathAndQuery) {
        admin.send(admin.request("/tasks/" + pathAndQuery, null).POST(HttpRequest.BodyPublishers.noBody())).expect(200);
    }

    @Test
    void eachEventIsOneJsonLogLineThatAUserAgentCannotBreak() throws Exception {
        String email = api.newAccount();
        String access = api.login(email).get("access_token").asText();
        lines.list.clear();
        api.send(api.request("/api/v1/auth/logout", access).header("User-Agent", "evil\" \"event\":\"forged")
                .POST(HttpRequest.BodyPublishers.noBody())).expect(204);

        assertThat(lines.list).hasSize(1);
        String line = lines.list.get(0).getFormattedMessage();
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("event").asText()).isEqualTo("SESSION_REVOKED");
        assertThat(json.get("email").asText()).isEqualTo(email);
        assertThat(json.get("user_agent").asText()).isEqualTo("evil\" \"event\":\"forged");
        assertThat(line).doesNotContain(access);
    }

    @Test
    void aLimitOutsideOneToTheMaximumIs400() {
        for (String limit : new String[]{"0", "-1", "1001", "ten"}) {
            Api.Reply reply = admin.get("/audit?limit=" + limit, null);
            reply.expect(400);
            assertThat(reply.json().get("code").asInt()).isEqualTo(400);
        }
        admin.get("/audit?limit=1000", null).expect(200);
    }
}
