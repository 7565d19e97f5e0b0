package org.portcullis.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's account tasks on the admin port: what each does to the account, and the plain answer to
 * an unknown or missing email. Accounts lock after three failures here.
 */
abstract class AdminTasksContract extends AppOnDatabase {
    private Api api;
    private Api admin;

    protected AdminTasksContract(DatabaseExtension db) {
        super(db, Map.of("lockout.maxFailures", "3"));
    }

    @BeforeEach
    void clients() {
        api = new Api(app().getLocalPort());
        admin = new Api(app().getAdminPort());
    }

    @Test
    void unlockAccountLetsALockedAccountLogInAgain() {
        String email = api.newAccount();
        for (int i = 0; i < 3; i++) {
            login(email, "wrong password " + i).expect(401);
        }
        login(email, Api.PASSWORD).expect(429);

        // written as an operator might paste it: the email is normalised as the API does
        assertThat(task("unlock-account?email=" + encode("  " + email.toUpperCase(Locale.ROOT) + " ")))
                .isEqualTo("Unlocked " + email + ": failed logins, lock count and lock cleared.\n");

        login(email, Api.PASSWORD).expect(200);
    }

    @Test
    void unlockingAnAccountWithoutFailuresSaysThereWasNothingToClear() {
        String email = api.newAccount();
        assertThat(task("unlock-account?email=" + encode(email)))
                .isEqualTo(email + " was not locked and had no failed logins. Nothing to clear.\n");
    }

    @Test
    void revokeSessionsEndsEveryLiveSessionOfThatAccountAndNoOther() {
        String email = api.newAccount();
        JsonNode laptop = api.login(email);
        JsonNode phone = api.login(email);
        String bystander = api.newAccessToken();

        assertThat(task("revoke-sessions?email=" + encode(email)))
                .isEqualTo("Revoked 2 live sessions of " + email + ".\n");

        for (JsonNode tokens : new JsonNode[]{laptop, phone}) {
            api.get("/api/v1/users/me", tokens.get("access_token").asText()).expect(401);
            api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", tokens.get("refresh_token").asText()))
                    .expect(401);
        }
        api.get("/api/v1/users/me", bystander).expect(200);
        assertThat(task("revoke-sessions?email=" + encode(email)))
                .isEqualTo("Revoked 0 live sessions of " + email + ".\n");
    }

    @Test
    void anUnknownEmailIsSaidPlainlyAndNothingIsDone() {
        assertThat(task("unlock-account?email=nobody%40example.org"))
                .isEqualTo("No account with email nobody@example.org. Nothing done.\n");
        assertThat(task("revoke-sessions?email=Nobody%40Example.org"))
                .isEqualTo("No account with email nobody@example.org. Nothing done.\n");
    }

    @Test
    void aMissingBlankOrRepeatedEmailIsSaidPlainly() {
        for (String task : new String[]{"unlock-account", "revoke-sessions"}) {
            String expected = "Give exactly one account: POST /tasks/" + task + "?email=<address>. Nothing done.\n";
            assertThat(task(task)).isEqualTo(expected);
            assertThat(task(task + "?email=%20%20")).isEqualTo(expected);
            assertThat(task(task + "?email=a%40example.org&email=b%40example.org")).isEqualTo(expected);
        }
    }

    /** POSTs a task; every answer here is a 200 in plain text. */
    private String task(String pathAndQuery) {
        Api.Reply reply = admin.send(admin.request("/tasks/" + pathAndQuery, null)
                .POST(HttpRequest.BodyPublishers.noBody())).expect(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        return reply.body();
    }

    private Api.Reply login(String email, String password) {
        return api.post("/api/v1/auth/login", null, Map.of("email", email, "password", password));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
