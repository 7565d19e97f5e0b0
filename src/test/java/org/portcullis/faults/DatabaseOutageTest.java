package org.portcullis.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.Api.Reply;
import org.portcullis.support.TestApps;
import org.portcullis.support.TestDatabase;
import org.portcullis.support.ThrowawayPostgres;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The database goes away and comes back, on a PostgreSQL cluster this test owns. The figures asserted are
 * the promises: unhealthy within 5 s, 503 (not 500) within the pool's connection timeout, healthy
 * again within 5 s of the database's return, and nothing committed before the outage lost.
 */
class DatabaseOutageTest {
    static ThrowawayPostgres cluster;
    static DropwizardTestSupport<PortcullisConfiguration> app;

    @BeforeAll
    static void start() throws Exception {
        if (!ThrowawayPostgres.available()) {
            if (TestDatabase.postgresRequired()) {
                fail("REQUIRE_POSTGRES=1 but initdb/pg_ctl are missing under " + ThrowawayPostgres.BIN);
            }
            assumeTrue(false, "initdb/pg_ctl missing under " + ThrowawayPostgres.BIN + ": outage test skipped");
        }
        cluster = ThrowawayPostgres.start();
        app = TestApps.support(cluster::url, Map.of());
        app.before();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.after();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anOutageIsReportedAnswered503AndRecoveredFromWithoutLoss() {
        Api api = new Api(app.getLocalPort());
        String email = api.newAccount();
        JsonNode tokens = api.login(email);
        String access = tokens.get("access_token").asText();
        api.get("/health", null).expect(200);

        cluster.stopServer();

        Duration toUnhealthy = timeUntil(() -> api.get("/health", null), reply -> reply.status() == 503, Duration.ofSeconds(5));
        Reply health = api.get("/health", null);
        assertThat(health.json().get("checks").get("database").get("status").asText()).isEqualTo("down");

        long start = System.nanoTime();
        Reply me = api.get("/api/v1/users/me", access);
        Duration apiAnswer = Duration.ofNanos(System.nanoTime() - start);
        me.expect(503);
        assertThat(me.json().get("message").asText()).isEqualTo("Database unavailable; retry shortly");
        assertThat(me.header("Retry-After")).isEqualTo("5");
        assertThat(apiAnswer).as("answered within the pool's 2 s connection timeout").isLessThanOrEqualTo(Duration.ofMillis(2500));
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD)).expect(503);

        cluster.startServer();

        Duration toHealthy = timeUntil(() -> api.get("/health", null), reply -> reply.status() == 200, Duration.ofSeconds(5));
        api.get("/api/v1/users/me", access).expect(200);
        api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", tokens.get("refresh_token").asText())).expect(200);
        api.login(email);
        System.out.printf("outage: unhealthy after %d ms, API 503 in %d ms, healthy %d ms after restart%n",
                toUnhealthy.toMillis(), apiAnswer.toMillis(), toHealthy.toMillis());
    }

    /** How long until {@code call} answers as {@code wanted}; fails after {@code limit}. */
    private static Duration timeUntil(Supplier<Reply> call, Predicate<Reply> wanted, Duration limit) {
        long start = System.nanoTime();
        while (true) {
            Reply reply = call.get();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (wanted.test(reply)) {
                return elapsed;
            }
            if (elapsed.compareTo(limit) > 0) {
                fail("still " + reply.status() + " after " + limit + ": " + reply.body());
            }
        }
    }
}
