package org.portcullis.http.resources;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api.Reply;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP contract of DESIGN.md, endpoint by endpoint, against a real app and a real database. The
 * same suite runs on H2 and on PostgreSQL (subclasses); nothing is mocked, only bcrypt's cost is lowered.
 */
abstract class AuthApiContract extends AppOnDatabase {
    protected AuthApiContract(DatabaseExtension db) {
        super(db, Map.of());
    }

    protected Api api;

    @BeforeEach
    void client() {
        api = new Api(app().getLocalPort());
    }

    // ---------------------------------------------------------------- register

    @Test
    void registerReturns201WithTheUserAndNeverAHash() {
        Reply reply = api.post("/api/v1/auth/register", null, Map.of("email", " Mixed.Case@Example.ORG ",
                "password", Api.PASSWORD, "first_name", "  Ada ", "last_name", "Lovelace"));

        reply.expect(201);
        JsonNode user = reply.json();
        assertThat(user.get("email").asText()).isEqualTo("mixed.case@example.org");
        assertThat(user.get("first_name").asText()).isEqualTo("Ada");
        assertThat(user.get("is_active").asBoolean()).isTrue();
        assertThat(user.get("is_superuser").asBoolean()).isFalse();
        assertThat(UUID.fromString(user.get("id").asText())).isNotNull();
        assertThat(user.get("created_at").asText()).endsWith("Z");
        assertThat(reply.body()).doesNotContain("password").doesNotContain("$2a$");
    }

    @Test
    void registeringATakenEmailInAnyCaseIs409() {
        String email = api.newAccount();
        Reply again = api.post("/api/v1/auth/register", null,
                Map.of("email", email.toUpperCase(), "password", Api.PASSWORD, "first_name", "X"));
        again.expect(409);
        assertThat(again.json().get("code").asInt()).isEqualTo(409);
        assertThat(again.json().get("message").asText()).isEqualTo("Email is already registered");
    }

    @Test
    void registerRejectsInvalidFieldsWith422NamingEachField() {
        Reply reply = api.post("/api/v1/auth/register", null,
                Map.of("email", "not-an-email", "password", "short", "first_name", "   "));
        reply.expect(422);
        assertThat(reply.json().get("errors")).extracting(JsonNode::asText).contains(
                "email: must be a well-formed email address",
                "password: must be at least 12 characters",
                "first_name: size must be between 1 and 100");
    }

    @Test
    void aPasswordOf73BytesOfUtf8Is422AndOf72BytesIsAccepted() {
        String seventyTwo = "é".repeat(36);            // 36 characters, 72 bytes
        String seventyThree = seventyTwo + "a";        // 37 characters, 73 bytes
        Reply tooLong = api.post("/api/v1/auth/register", null, Map.of("email", "long@example.org",
                "password", seventyThree, "first_name", "L"));
        tooLong.expect(422);
        assertThat(tooLong.json().get("errors").get(0).asText())
                .isEqualTo("password: must be at most 72 bytes of UTF-8");

        api.post("/api/v1/auth/register", null, Map.of("email", "long@example.org", "password", seventyTwo,
                "first_name", "L")).expect(201);
        api.post("/api/v1/auth/login", null, Map.of("email", "long@example.org", "password", seventyTwo))
                .expect(200);
    }

    @Test
    void registrationCannotAskForSuperuser() {
        Reply reply = api.post("/api/v1/auth/register", null, Map.of("email", "root@example.org",
                "password", Api.PASSWORD, "first_name", "R", "is_superuser", true));
        reply.expect(422);
        assertThat(reply.json().get("errors").get(0).asText()).isEqualTo("is_superuser: unknown field");
    }

    @Test
    void twelveConcurrentRegistrationsOfOneEmailGiveOne201AndEleven409() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.org";
        List<Integer> statuses = concurrently(12, () -> api.post("/api/v1/auth/register", null,
                Map.of("email", email, "password", Api.PASSWORD, "first_name", "Race")).status());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(11);
    }

    // ---------------------------------------------------------------- login

    @Test
    void loginReturnsATokenPairThatIsNeverCached() {
        String email = api.newAccount();
        Reply reply = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD));
        reply.expect(200);
        JsonNode token = reply.json();
        assertThat(token.get("token_type").asText()).isEqualTo("bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(900);
        assertThat(token.get("access_token").asText()).isNotBlank();
        assertThat(token.get("refresh_token").asText()).isNotEqualTo(token.get("access_token").asText());
        assertThat(token.get("user").get("email").asText()).isEqualTo(email);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSame401() {
        String email = api.newAccount();
        Reply wrongPassword = api.post("/api/v1/auth/login", null,
                Map.of("email", email, "password", "wrong password here"));
        Reply unknownEmail = api.post("/api/v1/auth/login", null,
                Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org", "password", Api.PASSWORD));
        wrongPassword.expect(401);
        unknownEmail.expect(401);
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void anInactiveAccountGets403OnlyWithTheRightPassword() {
        String email = api.newAccount();
        database().execute("UPDATE users SET is_active = FALSE WHERE email = '" + email + "'");

        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "wrong password here"))
                .expect(401);
        Reply right = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD));
        right.expect(403);
        assertThat(right.json().get("message").asText()).isEqualTo("Account is disabled");
    }

    @Test
    void loginWithoutAPasswordIs422() {
        Reply reply = api.post("/api/v1/auth/login", null, Map.of("email", "a@example.org"));
        reply.expect(422);
        assertThat(reply.json().get("errors")).extracting(JsonNode::asText).containsExactly("password: must not be null");
    }

    // ---------------------------------------------------------------- refresh

    @Test
    void refreshReturnsANewPairAndSpendsTheOldRefreshToken() {
        JsonNode first = api.login(api.newAccount());
        Reply refreshed = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", first.get("refresh_token").asText()));
        refreshed.expect(200);
        JsonNode second = refreshed.json();
        assertThat(second.get("refresh_token").asText()).isNotEqualTo(first.get("refresh_token").asText());
        assertThat(refreshed.header("Cache-Control")).isEqualTo("no-store");
        api.get("/api/v1/users/me", second.get("access_token").asText()).expect(200);
        api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", second.get("refresh_token").asText())).expect(200);
    }

    @Test
    void aReplayedRefreshTokenRevokesTheSessionAndItsAccessTokens() {
        JsonNode first = api.login(api.newAccount());
        String spent = first.get("refresh_token").asText();
        JsonNode second = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", spent)).expect(200).json();

        Reply replay = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", spent));
        replay.expect(401);
        assertThat(replay.json().get("message").asText()).contains("already used");

        api.get("/api/v1/users/me", second.get("access_token").asText()).expect(401);
        api.get("/api/v1/users/me", first.get("access_token").asText()).expect(401);
        api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", second.get("refresh_token").asText())).expect(401);
    }

    @Test
    void eightConcurrentRefreshesOfOneTokenGiveExactlyOne200() throws Exception {
        String refresh = api.login(api.newAccount()).get("refresh_token").asText();
        List<Integer> statuses = concurrently(8, () -> api.post("/api/v1/auth/refresh", null,
                Map.of("refresh_token", refresh)).status());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(7);
    }

    @Test
    void anAccessTokenIsNotAcceptedAsARefreshToken() {
        String access = api.newAccessToken();
        api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", access)).expect(401);
    }

    @Test
    void refreshWithGarbageIs401AndWithoutATokenIs422() {
        Reply garbage = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", "not.a.jwt"));
        garbage.expect(401);
        assertThat(garbage.json().get("message").asText()).isEqualTo("Invalid or expired token");
        api.post("/api/v1/auth/refresh", null, Map.of()).expect(422);
    }

    // ---------------------------------------------------------------- bearer tokens

    @Test
    void aMissingTokenIs401WithABearerChallenge() {
        Reply reply = api.get("/api/v1/users/me", null);
        reply.expect(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"portcullis\"");
        assertThat(reply.json().get("code").asInt()).isEqualTo(401);
    }

    @Test
    void aRefreshTokenUsedAsAnAccessTokenIs401() {
        String refresh = api.login(api.newAccount()).get("refresh_token").asText();
        api.get("/api/v1/users/me", refresh).expect(401);
    }

    @Test
    void aTokenInTheQueryStringIsIgnored() {
        String access = api.newAccessToken();
        api.get("/api/v1/users/me?access_token=" + access, null).expect(401);
    }

    // ---------------------------------------------------------------- logout

    @Test
    void logoutRevokesOnlyTheCurrentSession() {
        String email = api.newAccount();
        String phone = api.login(email).get("access_token").asText();
        String laptop = api.login(email).get("access_token").asText();

        api.post("/api/v1/auth/logout", phone, "").expect(204);

        api.get("/api/v1/users/me", phone).expect(401);
        api.get("/api/v1/users/me", laptop).expect(200);
        api.post("/api/v1/auth/logout", phone, "").expect(401);
    }

    @Test
    void logoutAllRevokesEverySessionOfTheAccount() {
        String email = api.newAccount();
        JsonNode phone = api.login(email);
        String laptop = api.login(email).get("access_token").asText();
        String stranger = api.newAccessToken();

        api.post("/api/v1/auth/logout-all", laptop, "").expect(204);

        api.get("/api/v1/users/me", laptop).expect(401);
        api.get("/api/v1/users/me", phone.get("access_token").asText()).expect(401);
        api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", phone.get("refresh_token").asText())).expect(401);
        api.get("/api/v1/users/me", stranger).expect(200);
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void sessionsListShowsLiveSessionsMostRecentFirstAndMarksTheCurrentOne() {
        String email = api.newAccount();
        String first = api.login(email, Map.of("User-Agent",
                "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0")).get("access_token").asText();
        String second = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD,
                "device_name", "Work laptop")).expect(200).json().get("access_token").asText();
        String third = api.login(email).get("access_token").asText();
        api.post("/api/v1/auth/logout", third, "").expect(204);

        Reply reply = api.get("/api/v1/sessions/me", first);
        reply.expect(200);
        JsonNode list = reply.json();
        assertThat(list.get("total").asInt()).isEqualTo(2);
        JsonNode newest = list.get("sessions").get(0);
        JsonNode oldest = list.get("sessions").get(1);
        assertThat(newest.get("device_name").asText()).isEqualTo("Work laptop");
        assertThat(newest.get("is_current").asBoolean()).isFalse();
        assertThat(oldest.get("device_name").asText()).isEqualTo("Firefox on Linux");
        assertThat(oldest.get("is_current").asBoolean()).isTrue();
        assertThat(oldest.get("ip_address").asText()).isEqualTo("127.0.0.1");
        assertThat(oldest.get("user_agent").asText()).startsWith("Mozilla/5.0");
        assertThat(api.get("/api/v1/sessions/me", second).json().get("sessions").get(0)
                .get("is_current").asBoolean()).isTrue();
    }

    @Test
    void aForgedForwardedForHeaderDoesNotChangeTheRecordedAddress() {
        String email = api.newAccount();
        String token = api.login(email, Map.of("X-Forwarded-For", "203.0.113.9")).get("access_token").asText();
        JsonNode session = api.get("/api/v1/sessions/me", token).json().get("sessions").get(0);
        assertThat(session.get("ip_address").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void deletingASessionRevokesItsAccessToken() {
        String email = api.newAccount();
        String keep = api.login(email).get("access_token").asText();
        String lose = api.login(email).get("access_token").asText();
        String loseId = api.get("/api/v1/sessions/me", lose).json().get("sessions").get(0).get("id").asText();

        api.delete("/api/v1/sessions/" + loseId, keep).expect(204);

        api.get("/api/v1/users/me", lose).expect(401);
        api.get("/api/v1/users/me", keep).expect(200);
        api.delete("/api/v1/sessions/" + loseId, keep).expect(404);
    }

    @Test
    void anotherUsersSessionIsNotFoundAndStaysAlive() {
        String victim = api.newAccessToken();
        String victimSession = api.get("/api/v1/sessions/me", victim).json().get("sessions").get(0).get("id").asText();
        String attacker = api.newAccessToken();

        Reply reply = api.delete("/api/v1/sessions/" + victimSession, attacker);
        reply.expect(404);
        assertThat(reply.json().get("message").asText()).isEqualTo("Session not found");
        api.get("/api/v1/users/me", victim).expect(200);
    }

    @Test
    void unknownAndMalformedSessionIdsAre404() {
        String token = api.newAccessToken();
        api.delete("/api/v1/sessions/" + UUID.randomUUID(), token).expect(404);
        api.delete("/api/v1/sessions/not-a-uuid", token).expect(404);
    }

    // ---------------------------------------------------------------- users/me

    @Test
    void usersMeReturnsTheCallersProfile() {
        String email = api.newAccount();
        Reply reply = api.get("/api/v1/users/me", api.login(email).get("access_token").asText());
        reply.expect(200);
        assertThat(reply.json().get("email").asText()).isEqualTo(email);
        assertThat(reply.json().get("last_name").asText()).isEqualTo("User");
        assertThat(reply.body()).doesNotContain("password");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void patchingTheProfileChangesOnlyTheGivenNames() {
        String token = api.newAccessToken();
        Reply reply = api.patch("/api/v1/users/me", token, Map.of("first_name", " Grace "));
        reply.expect(200);
        assertThat(reply.json().get("first_name").asText()).isEqualTo("Grace");
        assertThat(reply.json().get("last_name").asText()).isEqualTo("User");
        assertThat(api.get("/api/v1/users/me", token).json().get("first_name").asText()).isEqualTo("Grace");
    }

    @Test
    void patchingTheProfileRejectsBlankTooLongAndForeignFields() {
        String token = api.newAccessToken();
        assertThat(api.patch("/api/v1/users/me", token, Map.of("first_name", "  ")).expect(422)
                .json().get("errors").get(0).asText()).isEqualTo("first_name: size must be between 1 and 100");
        api.patch("/api/v1/users/me", token, Map.of("last_name", "x".repeat(101))).expect(422);
        for (String field : List.of("email", "is_superuser", "password", "is_active")) {
            Reply reply = api.patch("/api/v1/users/me", token, Map.of(field, "x"));
            reply.expect(422);
            assertThat(reply.json().get("errors").get(0).asText()).isEqualTo(field + ": unknown field");
        }
        assertThat(api.get("/api/v1/users/me", token).json().get("first_name").asText()).isEqualTo("Test");
    }

    @Test
    void changingThePasswordRevokesEveryOtherSession() {
        String email = api.newAccount();
        String current = api.login(email).get("access_token").asText();
        String other = api.login(email).get("access_token").asText();
        String newPassword = "a brand new passphrase";

        api.patch("/api/v1/users/me/password", current,
                Map.of("current_password", Api.PASSWORD, "new_password", newPassword)).expect(204);

        api.get("/api/v1/users/me", current).expect(200);
        api.get("/api/v1/users/me", other).expect(401);
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD)).expect(401);
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", newPassword)).expect(200);
    }

    @Test
    void aWrongCurrentPasswordIs403AndAWeakNewOneIs422() {
        String email = api.newAccount();
        String token = api.login(email).get("access_token").asText();
        api.patch("/api/v1/users/me/password", token,
                Map.of("current_password", "not my password", "new_password", "another good passphrase")).expect(403);
        Reply weak = api.patch("/api/v1/users/me/password", token,
                Map.of("current_password", Api.PASSWORD, "new_password", "short"));
        weak.expect(422);
        assertThat(weak.json().get("errors").get(0).asText()).isEqualTo("new_password: must be at least 12 characters");
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD)).expect(200);
    }

    // ---------------------------------------------------------------- health, openapi, errors

    @Test
    void healthReportsTheDatabaseUp() {
        Reply reply = api.get("/health", null);
        reply.expect(200);
        JsonNode health = reply.json();
        assertThat(health.get("status").asText()).isEqualTo("healthy");
        assertThat(health.get("checks").get("database").get("status").asText()).isEqualTo("up");
        assertThat(health.get("version").asText()).isNotBlank();
        assertThat(health.get("timestamp").asText()).endsWith("Z");
    }

    @Test
    void manyConcurrentHealthChecksAllSeeTheDatabaseUp() throws Exception {
        List<Integer> statuses = concurrently(32, () -> api.get("/health", null).status());
        assertThat(statuses).containsOnly(200);
    }

    @Test
    void openApiDocumentsEveryEndpointTheirSchemasAndTheBearerScheme() {
        JsonNode doc = api.get("/api/v1/openapi.json", null).expect(200).json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").fieldNames()).toIterable().containsExactlyInAnyOrder(
                "/health", "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
                "/api/v1/auth/logout", "/api/v1/auth/logout-all", "/api/v1/sessions/me", "/api/v1/sessions/{id}",
                "/api/v1/users/me", "/api/v1/users/me/password", "/.well-known/jwks.json",
                "/.well-known/oauth-authorization-server", "/oauth2/introspect", "/oauth2/revoke",
                "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/confirm",
                "/api/v1/auth/verify-email/confirm", "/api/v1/auth/verify-email/request");
        assertThat(doc.get("paths").get("/api/v1/users/me").has("patch")).isTrue();
        assertThat(doc.get("paths").get("/oauth2/introspect").get("post").get("security").toString()).contains("client");
        assertThat(doc.get("components").get("securitySchemes").get("client").get("scheme").asText()).isEqualTo("basic");
        assertThat(doc.get("components").get("schemas").fieldNames()).toIterable().contains(
                "RegisterRequest", "LoginRequest", "RefreshRequest", "TokenResponse", "UserView", "SessionList",
                "SessionView", "UpdateProfileRequest", "ChangePasswordRequest", "ErrorResponse",
                "PasswordResetRequest", "PasswordResetConfirmation", "EmailVerificationConfirmation",
                "AcceptedResponse");
        assertThat(doc.get("components").get("schemas").get("UserView").get("properties").has("email_verified")).isTrue();
        assertThat(doc.get("paths").get("/api/v1/auth/verify-email/request").get("post").get("security").toString())
                .contains("bearer");
        assertThat(doc.get("components").get("schemas").get("TokenResponse").get("properties").has("access_token")).isTrue();
        assertThat(doc.get("components").get("schemas").get("TokenResponse").get("properties").has("device_token")).isTrue();
        assertThat(doc.get("components").get("schemas").get("LoginRequest").get("properties").has("device_token")).isTrue();
        assertThat(doc.get("components").get("securitySchemes").get("bearer").get("scheme").asText()).isEqualTo("bearer");
        assertThat(doc.get("paths").get("/api/v1/users/me").get("get").get("security").toString()).contains("bearer");
    }

    @Test
    void openApiListsThe503AndRetryAfterOfTheGuardsExactlyWhereTheyStand() {
        JsonNode paths = api.get("/api/v1/openapi.json", null).expect(200).json().get("paths");
        for (String limited : List.of("/api/v1/users/me get", "/api/v1/users/me patch", "/api/v1/auth/refresh post",
                "/api/v1/auth/logout post", "/api/v1/auth/logout-all post", "/api/v1/sessions/me get",
                "/api/v1/sessions/{id} delete", "/oauth2/introspect post", "/oauth2/revoke post",
                "/api/v1/auth/password-reset post", "/api/v1/auth/verify-email/confirm post",
                "/api/v1/auth/verify-email/request post")) {
            String[] pathAndMethod = limited.split(" ");
            JsonNode unavailable = paths.get(pathAndMethod[0]).get(pathAndMethod[1]).get("responses").get("503");
            assertThat(unavailable).as(limited).isNotNull();
            assertThat(unavailable.get("description").asText()).as(limited).startsWith("Over the concurrency limit");
            assertThat(unavailable.get("headers").has("Retry-After")).as(limited).isTrue();
            assertThat(unavailable.toString()).as(limited).contains("#/components/schemas/ErrorResponse");
        }
        for (String bcrypt : List.of("/api/v1/auth/login post", "/api/v1/auth/register post",
                "/api/v1/users/me/password patch", "/api/v1/auth/password-reset/confirm post")) {
            String[] pathAndMethod = bcrypt.split(" ");
            JsonNode unavailable = paths.get(pathAndMethod[0]).get(pathAndMethod[1]).get("responses").get("503");
            assertThat(unavailable.get("description").asText()).as(bcrypt).startsWith("The password-hashing pool is full");
            assertThat(unavailable.get("headers").has("Retry-After")).as(bcrypt).isTrue();
        }
        assertThat(paths.get("/health").get("get").get("responses").get("503").has("headers"))
                .as("/health's 503 is its own (database down), not a guard's").isFalse();
    }

    @Test
    void unknownPathsWrongMethodsAndMediaTypesGetTheErrorShape() {
        Reply notFound = api.get("/api/v1/nothing-here", null);
        notFound.expect(404);
        assertThat(notFound.json().get("message").asText()).isEqualTo("Not found");

        Reply wrongMethod = api.get("/api/v1/auth/login", null);
        wrongMethod.expect(405);
        assertThat(wrongMethod.json().get("code").asInt()).isEqualTo(405);

        Reply wrongType = api.raw("POST", "/api/v1/auth/login", "text/plain", "hello".getBytes(), Map.of());
        wrongType.expect(415);
        assertThat(wrongType.json().get("code").asInt()).isEqualTo(415);

        Reply broken = api.raw("POST", "/api/v1/auth/login", "application/json", "{\"email\":".getBytes(), Map.of());
        broken.expect(400);
        assertThat(broken.json().get("message").asText()).isEqualTo("Request body is not valid JSON");
    }

    @Test
    void aFieldOfTheWrongTypeIs422() {
        Reply reply = api.post("/api/v1/auth/register", null, Map.of("email", 5, "password", Api.PASSWORD,
                "first_name", "N"));
        reply.expect(422);
        assertThat(reply.json().get("errors").get(0).asText()).isEqualTo("email: has the wrong type");
    }

    @Test
    void theAdminPortShowsTheEndpointTimersAndTheDatabaseCheck() {
        api.get("/api/v1/users/me", api.newAccessToken()).expect(200);
        Api admin = new Api(app().getAdminPort());

        JsonNode timers = admin.get("/metrics", null).expect(200).json().get("timers");
        assertThat(timers.get("portcullis.endpoint.usersMe").get("count").asLong()).isPositive();
        assertThat(timers.get("portcullis.endpoint.login").get("count").asLong()).isPositive();
        JsonNode checks = admin.get("/healthcheck", null).json();
        assertThat(checks.get("database").get("healthy").asBoolean()).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    /** Runs {@code task} on {@code n} threads released together; returns each result. */
    static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
