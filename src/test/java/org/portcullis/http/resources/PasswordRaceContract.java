package org.portcullis.http.resources;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.GatedBcryptApplication;
import org.portcullis.support.PasswordCheckHold;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password change races a login and another change. The seam holds a password check after bcrypt has
 * said "right" and before the service acts on it, so each race is run in its worst order, every time.
 */
abstract class PasswordRaceContract extends AppOnDatabase {
    private static final String NEW_PASSWORD = "a brand new passphrase";

    protected PasswordRaceContract(DatabaseExtension db) {
        super(db, GatedBcryptApplication.class, Map.of());
    }

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(app().getLocalPort());
    }

    @Test
    void aLoginThatCheckedTheOldPasswordBeforeAChangeCommittedOpensNoSession() throws Exception {
        String email = api.newAccount();
        String owner = api.login(email).get("access_token").asText();

        PasswordCheckHold.arm(1);
        CompletableFuture<Api.Reply> login = CompletableFuture.supplyAsync(() ->
                api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD)));
        assertThat(PasswordCheckHold.awaitDecided()).as("the login's check was held").isTrue();
        // The login has verified the old password and waits; the change runs and commits in between.
        api.patch("/api/v1/users/me/password", owner,
                Map.of("current_password", Api.PASSWORD, "new_password", NEW_PASSWORD)).expect(204);
        PasswordCheckHold.release();

        Api.Reply late = login.get();
        late.expect(401);
        JsonNode sessions = api.get("/api/v1/sessions/me", owner).expect(200).json();
        assertThat(sessions.get("total").asInt()).as("only the changer's session is live").isEqualTo(1);
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", NEW_PASSWORD)).expect(200);
    }

    @Test
    void ofTwoConcurrentPasswordChangesExactlyOneSucceeds() throws Exception {
        String email = api.newAccount();
        String first = api.login(email).get("access_token").asText();
        String second = api.login(email).get("access_token").asText();

        PasswordCheckHold.arm(2);
        CompletableFuture<Api.Reply> one = CompletableFuture.supplyAsync(() -> api.patch("/api/v1/users/me/password",
                first, Map.of("current_password", Api.PASSWORD, "new_password", NEW_PASSWORD + " one")));
        CompletableFuture<Api.Reply> two = CompletableFuture.supplyAsync(() -> api.patch("/api/v1/users/me/password",
                second, Map.of("current_password", Api.PASSWORD, "new_password", NEW_PASSWORD + " two")));
        assertThat(PasswordCheckHold.awaitDecided()).as("both checks passed before either change").isTrue();
        PasswordCheckHold.release();

        List<Integer> statuses = List.of(one.get().status(), two.get().status());
        assertThat(statuses).containsExactlyInAnyOrder(204, 409);
        String winner = statuses.get(0) == 204 ? NEW_PASSWORD + " one" : NEW_PASSWORD + " two";
        String loserToken = statuses.get(0) == 204 ? second : first;
        api.get("/api/v1/users/me", loserToken).expect(401);
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", winner)).expect(200);
    }

    @Test
    void wrongCurrentPasswordsCountInTheAccountsThrottle() {
        String email = api.newAccount();
        String token = api.login(email).get("access_token").asText();
        for (int i = 0; i < 10; i++) {
            api.patch("/api/v1/users/me/password", token,
                    Map.of("current_password", "wrong guess " + i, "new_password", NEW_PASSWORD)).expect(403);
        }
        Api.Reply locked = api.patch("/api/v1/users/me/password", token,
                Map.of("current_password", Api.PASSWORD, "new_password", NEW_PASSWORD));
        locked.expect(429);
        assertThat(locked.header("Retry-After")).isNotNull();
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD)).expect(429);
    }
}
