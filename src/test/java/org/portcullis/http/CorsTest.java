package org.portcullis.http;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api.Reply;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.TestApps;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With an allowed origin configured, exactly that origin gets CORS answers. */
class CorsTest {
    static final String ALLOWED = "https://app.example.org";

    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(DB::url,
            Map.of("clients.corsAllowedOrigins", ALLOWED));

    @Test
    void theAllowedOriginGetsAPreflightAnswerForBearerCalls() {
        Reply preflight = new Api(APP.getLocalPort()).raw("OPTIONS", "/api/v1/users/me", null, null, Map.of(
                "Origin", ALLOWED, "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization"));
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET");
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void anyOtherOriginGetsNone() {
        Reply preflight = new Api(APP.getLocalPort()).raw("OPTIONS", "/api/v1/users/me", null, null, Map.of(
                "Origin", "https://app.example.org.evil.example", "Access-Control-Request-Method", "GET"));
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }
}
