package org.portcullis.guard;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.health.HealthStateListener;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.TestApps;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A budget over, as a load balancer and an operator see it: the health module marks the budget's check
 * unhealthy, yet /health and /health-check stay 200 (only the database is critical); /latency and
 * Prometheus say which endpoint is over. users/me gets a 1 µs p99 budget, so 20 requests are over it; its
 * scheduled check runs every 50 ms here, and the test waits for the module's state change event.
 */
class BudgetOverKeepsTheNodeInTest {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    /** config.yml's health.healthChecks: database, then the budgets in order; users/me is the fifth. */
    private static final String USERS_ME_SCHEDULE = "health.healthChecks[4].schedule.";

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(DB::url, Map.of(
            "latencyGuard.budgets.usersMe.p99", "1us",
            USERS_ME_SCHEDULE + "checkInterval", "50ms",
            USERS_ME_SCHEDULE + "downtimeInterval", "50ms"));

    @Test
    void aBudgetOverLeavesHealthAndHealthCheckAt200WhileLatencySaysOver() throws Exception {
        CountDownLatch usersMeUnhealthy = new CountDownLatch(1);
        APP.getEnvironment().health().addHealthStateListener(new HealthStateListener() {
            @Override
            public void onStateChanged(String name, boolean healthy) {
                if (name.equals("latency-usersMe") && !healthy) {
                    usersMeUnhealthy.countDown();
                }
            }

            @Override
            public void onHealthyCheck(String name) {
            }

            @Override
            public void onUnhealthyCheck(String name) {
            }
        });
        Api api = new Api(APP.getLocalPort());
        String token = api.newAccessToken();
        for (int i = 0; i < 20; i++) {
            api.get("/api/v1/users/me", token).expect(200);
        }

        assertThat(usersMeUnhealthy.await(10, TimeUnit.SECONDS)).as("the health module saw the budget over").isTrue();

        Api admin = new Api(APP.getAdminPort());
        Api.Reply healthCheck = admin.get("/health-check?name=all", null).expect(200);
        Map<String, JsonNode> views = new java.util.HashMap<>();
        healthCheck.json().forEach(view -> views.put(view.get("name").asText(), view));
        assertThat(views.get("latency-usersMe").get("healthy").asBoolean()).isFalse();
        assertThat(views.get("latency-usersMe").get("critical").asBoolean()).isFalse();
        assertThat(views.get("database").get("healthy").asBoolean()).isTrue();
        assertThat(views.get("database").get("critical").asBoolean()).isTrue();
        api.get("/health", null).expect(200);

        JsonNode usersMe = admin.get("/latency", null).expect(200).json().get("endpoints").get("usersMe");
        assertThat(usersMe.get("state").asText()).isEqualTo("over");
        assertThat(usersMe.get("count").asInt()).isEqualTo(20);
        assertThat(usersMe.get("p99_ms").asDouble()).isGreaterThan(0.001).isGreaterThanOrEqualTo(usersMe.get("p50_ms").asDouble());
        assertThat(usersMe.get("budget").get("p99_ms").asDouble()).isEqualTo(0.001);

        String prometheus = admin.get("/prometheus", null).expect(200).body();
        assertThat(prometheus).contains("portcullis_budget_exceeded{endpoint=\"usersMe\"} 1.0",
                "portcullis_budget_exceeded{endpoint=\"login\"} 0.0");
    }

    @Test
    void latencyListsEveryBudgetedEndpointAndAQuietOneIsInsufficient() {
        JsonNode page = new Api(APP.getAdminPort()).get("/latency", null).expect(200).json();
        assertThat(page.get("min_requests").asInt()).isEqualTo(20);
        assertThat(page.get("endpoints").fieldNames()).toIterable().containsExactly("login", "register", "refresh",
                "usersMe", "updateMe", "sessionsList", "introspect");
        JsonNode refresh = page.get("endpoints").get("refresh");
        assertThat(refresh.get("state").asText()).isEqualTo("insufficient");
        assertThat(refresh.get("count").asInt()).isZero();
        assertThat(refresh.get("budget").get("mean_ms").asDouble()).isEqualTo(200.0);
        assertThat(refresh.get("budget").get("p99_ms").asDouble()).isEqualTo(400.0);
        assertThat(refresh.has("mean_ms")).isTrue();
    }
}
