package org.portcullis.guard;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.TestApps;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard as operators see it on the admin port, with one budget overridden the Dropwizard way. */
class LatencyGuardAppTest {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(DB::url,
            Map.of("latencyGuard.budgets.usersMe.p99", "1us"));

    /** One line of the Prometheus text format: a comment, or a sample "name{labels} value". */
    private static final Pattern PROMETHEUS_LINE = Pattern.compile(
            "#.*|[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\",?)*})? "
                    + "(-?[0-9.eE+-]+|NaN|[+-]Inf)( -?[0-9]+)?");

    @Test
    void aBudgetOfOneMicrosecondTurnsUnhealthyNamingTheEndpoint() {
        Api api = new Api(APP.getLocalPort());
        String token = api.newAccessToken();
        for (int i = 0; i < 20; i++) {
            api.get("/api/v1/users/me", token).expect(200);
        }

        Api admin = new Api(APP.getAdminPort());
        JsonNode checks = admin.get("/healthcheck", null).json();
        JsonNode usersMe = checks.get("latency-usersMe");
        assertThat(usersMe.get("healthy").asBoolean()).isFalse();
        assertThat(usersMe.get("message").asText()).startsWith("usersMe over budget: p99 ")
                .contains("exceeds 1 µs").contains("over 20 requests");
        assertThat(checks.get("latency-login").get("healthy").asBoolean()).isTrue();
        assertThat(checks.fieldNames()).toIterable().contains("latency-login", "latency-register",
                "latency-refresh", "latency-usersMe", "latency-updateMe", "latency-sessionsList");
    }

    @Test
    void prometheusServesParsableTextWithTheTimersAndTheBudgets() {
        Api api = new Api(APP.getLocalPort());
        api.get("/api/v1/users/me", api.newAccessToken()).expect(200);

        Api.Reply reply = new Api(APP.getAdminPort()).get("/prometheus", null);
        reply.expect(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        List<String> lines = reply.body().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).allSatisfy(line -> assertThat(line).matches(PROMETHEUS_LINE));
        assertThat(lines).anyMatch(line -> line.startsWith("portcullis_endpoint_usersMe{quantile=\"0.99\"} "));
        assertThat(lines).anyMatch(line -> line.matches("portcullis_endpoint_usersMe_count [1-9][0-9]*"));
        assertThat(lines).contains("portcullis_budget_usersMe_p99_seconds 1.0E-6", "portcullis_budget_login_mean_seconds 0.5");
    }
}
