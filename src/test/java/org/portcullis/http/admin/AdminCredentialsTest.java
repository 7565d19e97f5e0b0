package org.portcullis.http.admin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With ADMIN_USER and ADMIN_PASSWORD set, every admin path wants them as HTTP Basic credentials. */
class AdminCredentialsTest extends AppOnDatabase {
    private static final String USER = "operator";
    private static final String PASSWORD = "a long admin password: 7e1f";

    private Api admin;

    AdminCredentialsTest() {
        super(DatabaseExtension.h2(), Map.of("admin.user", USER, "admin.password", PASSWORD));
    }

    @BeforeEach
    void client() {
        admin = new Api(app().getAdminPort());
    }

    @Test
    void everyAdminPathWithoutCredentialsIs401WithABasicChallenge() {
        for (String path : new String[]{"/ping", "/metrics", "/threads", "/healthcheck", "/prometheus", "/latency"}) {
            Api.Reply reply = admin.get(path, null);
            reply.expect(401);
            assertThat(reply.header("WWW-Authenticate")).as(path).startsWith("Basic realm=\"portcullis-admin\"");
            assertThat(reply.json().get("code").asInt()).isEqualTo(401);
            assertThat(reply.json().get("message").asText()).isEqualTo("Credentials required for the admin port");
        }
        send("/tasks/purge-expired", null).expect(401);
    }

    @Test
    void wrongOrMalformedCredentialsAre401() {
        for (String authorization : new String[]{basic(USER, "wrong"), basic("admin", PASSWORD), basic(USER, ""),
                basic(USER, PASSWORD + "x"), "Basic !!!not-base64", "Bearer " + PASSWORD,
                "Basic " + Base64.getEncoder().encodeToString(USER.getBytes(StandardCharsets.UTF_8))}) {
            assertThat(send("/tasks/purge-expired", authorization).status()).as(authorization).isEqualTo(401);
        }
    }

    @Test
    void theConfiguredCredentialsOpenEveryPathAndTask() {
        assertThat(admin.send(admin.request("/ping", null).header("Authorization", basic(USER, PASSWORD)).GET())
                .expect(200).body()).startsWith("pong");
        assertThat(send("/tasks/purge-expired", basic(USER, PASSWORD)).expect(200).body()).startsWith("Purged ");
    }

    private Api.Reply send(String path, String authorization) {
        HttpRequest.Builder request = admin.request(path, null).POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return admin.send(request);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
