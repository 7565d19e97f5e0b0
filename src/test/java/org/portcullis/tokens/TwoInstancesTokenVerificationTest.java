package org.portcullis.tokens;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.FreePort;
import org.portcullis.support.PostgresAvailable;
import org.portcullis.support.TestApps;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database are one issuer to a resource server: one JWKS verifies what
 * either signs, a rotation on one is honoured by the other at once (an unknown kid makes it read the keys)
 * and adopted for signing within {@code keyRefresh}, and introspection on one sees a revocation on the other.
 */
@ExtendWith(PostgresAvailable.class)
class TwoInstancesTokenVerificationTest {
    private static final int PORT_A = FreePort.pick();
    private static final String ISSUER = "http://127.0.0.1:" + PORT_A;
    private static final Duration KEY_REFRESH = Duration.ofMillis(200);

    @RegisterExtension
    @Order(1)
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<PortcullisConfiguration> A = TestApps.functional(DB::url,
            settings(Map.of("server.applicationConnectors[0].port", String.valueOf(PORT_A))));

    @RegisterExtension
    @Order(3)
    static final DropwizardAppExtension<PortcullisConfiguration> B = TestApps.functional(DB::url, settings(Map.of()));

    private final Api onA = new Api(A.getLocalPort());
    private final Api onB = new Api(B.getLocalPort());

    private static Map<String, String> settings(Map<String, String> more) {
        Map<String, String> settings = new java.util.HashMap<>(more);
        settings.put("tokens.issuer", ISSUER);
        settings.put("tokens.keyRefresh", KEY_REFRESH.toMillis() + "ms");
        settings.put("tokens.introspection.clients." + TokenVerificationContract.CLIENT,
                TokenVerificationContract.CLIENT_SECRET);
        return settings;
    }

    @Test
    void oneJwksVerifiesTokensOfBothInstancesBeforeAndAfterARotation() throws Exception {
        ResourceServer server = ResourceServer.discover(ISSUER + "/.well-known/oauth-authorization-server");
        String fromA = onA.login(onA.newAccount()).get("access_token").asText();
        String fromB = onB.login(onB.newAccount()).get("access_token").asText();
        assertThat(TokenVerificationContract.kid(fromB)).isEqualTo(TokenVerificationContract.kid(fromA));
        server.verify(fromA);
        server.verify(fromB);

        new Api(A.getAdminPort()).send(new Api(A.getAdminPort()).request("/tasks/rotate-signing-key", null)
                .POST(HttpRequest.BodyPublishers.noBody())).expect(200);
        String rotatedOnA = onA.login(onA.newAccount()).get("access_token").asText();
        String newKid = TokenVerificationContract.kid(rotatedOnA);
        assertThat(newKid).isNotEqualTo(TokenVerificationContract.kid(fromA));

        onB.get("/api/v1/users/me", rotatedOnA).expect(200);
        server.verify(rotatedOnA);
        String fromBLater = eventually(() -> onB.login(onB.newAccount()).get("access_token").asText(),
                token -> TokenVerificationContract.kid(token).equals(newKid), KEY_REFRESH.multipliedBy(25));
        server.verify(fromBLater);
        server.verify(fromB);
        onA.get("/api/v1/users/me", fromB).expect(200);
    }

    @Test
    void introspectionOnOneInstanceSeesARevocationOnTheOther() {
        String access = onA.login(onA.newAccount()).get("access_token").asText();
        assertThat(introspect(onB, access)).contains("\"active\":true");

        form(onA, "/oauth2/revoke", access).expect(200);

        String answer = eventually(() -> introspect(onB, access), body -> body.equals("{\"active\":false}"),
                Duration.ofSeconds(1));
        assertThat(answer).isEqualTo("{\"active\":false}");
    }

    private static String introspect(Api on, String token) {
        return form(on, "/oauth2/introspect", token).expect(200).body();
    }

    private static Api.Reply form(Api on, String path, String token) {
        return on.send(on.request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", TokenVerificationContract.basic(TokenVerificationContract.CLIENT,
                        TokenVerificationContract.CLIENT_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
    }

    /** Asks until the answer passes or the deadline is over; the last answer either way. */
    private static <T> T eventually(Supplier<T> ask, java.util.function.Predicate<T> done, Duration within) {
        Instant deadline = Instant.now().plus(within);
        T answer = ask.get();
        while (!done.test(answer) && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            answer = ask.get();
        }
        return answer;
    }
}
