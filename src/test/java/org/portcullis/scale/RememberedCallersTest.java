package org.portcullis.scale;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.db.ChangeFeed;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PostgresAvailable;
import org.portcullis.support.TwoInstances;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database with the caller cache on (config.yml's default): B serves a
 * caller it has seen from memory, and a change made on A reaches B through PostgreSQL's notifications, within
 * the 100 ms of {@code callerCache.maxStaleness}; a B whose listener is broken reads the database instead.
 */
@ExtendWith(PostgresAvailable.class)
class RememberedCallersTest {
    private static final Duration MAX_STALENESS = Duration.ofMillis(100);
    private static final String USERS_ME = "/api/v1/users/me";

    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @RegisterExtension
    static final TwoInstances NODES = new TwoInstances(DB::url, Map.of());

    private final Api onA = new Api(NODES.a().getLocalPort());
    private final Api onB = new Api(NODES.b().getLocalPort());

    @Test
    void aCallerSeenOnBIsServedFromMemoryUntilALogoutOnAReachesBWithinMaxStaleness() {
        awaitFeed(NODES.b(), true);
        String access = onA.login(onA.newAccount()).get("access_token").asText();
        onB.get(USERS_ME, access).expect(200);
        long hits = hits(NODES.b());
        onB.get(USERS_ME, access).expect(200);
        assertThat(hits(NODES.b())).as("the second request was served from memory").isGreaterThan(hits);

        onA.post("/api/v1/auth/logout", access, null).expect(204);
        long loggedOut = System.nanoTime();
        int servedAfter = 0;
        int status;
        while ((status = onB.get(USERS_ME, access).status()) == 200
                && System.nanoTime() - loggedOut < TimeUnit.SECONDS.toNanos(5)) {
            servedAfter++;
        }
        long tookNanos = System.nanoTime() - loggedOut;
        assertThat(status).isEqualTo(401);
        assertThat(Duration.ofNanos(tookNanos)).as("refused on B after %d more answers", servedAfter)
                .isLessThanOrEqualTo(MAX_STALENESS);
    }

    @Test
    void aChangeMadeOnAnInstanceIsEnforcedThereOnTheNextRequest() {
        awaitFeed(NODES.b(), true);
        String email = onB.newAccount();
        JsonNode first = onB.login(email);
        String access = first.get("access_token").asText();
        onB.get(USERS_ME, access).expect(200);
        onB.get(USERS_ME, access).expect(200);

        onB.post("/api/v1/auth/logout-all", onB.login(email).get("access_token").asText(), null).expect(204);
        onB.get(USERS_ME, access).expect(401);
    }

    @Test
    void aBrokenListenerNeverServesARevokedSessionAndItsFeedComesBack() {
        awaitFeed(NODES.b(), true);
        String access = onA.login(onA.newAccount()).get("access_token").asText();
        onB.get(USERS_ME, access).expect(200);
        onB.get(USERS_ME, access).expect(200);

        DB.database().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                + ChangeFeed.APPLICATION_NAME + "' AND datname = current_database()");
        awaitFeed(NODES.b(), false);
        long hits = hits(NODES.b());
        onA.post("/api/v1/auth/logout", access, null).expect(204);
        onB.get(USERS_ME, access).expect(401);
        assertThat(hits(NODES.b())).as("nothing served from memory while the listener was away").isEqualTo(hits);

        // The feed reconnects (callerCache.reconnectDelay), forgets what it may have missed, and serves again.
        awaitFeed(NODES.b(), true);
        String again = onA.login(onA.newAccount()).get("access_token").asText();
        onB.get(USERS_ME, again).expect(200);
        long before = hits(NODES.b());
        onB.get(USERS_ME, again).expect(200);
        assertThat(hits(NODES.b())).isGreaterThan(before);
    }

    private static long hits(DropwizardTestSupport<PortcullisConfiguration> app) {
        return metrics(app).meter("portcullis.callerCache.hits").getCount();
    }

    private static MetricRegistry metrics(DropwizardTestSupport<PortcullisConfiguration> app) {
        return app.getEnvironment().metrics();
    }

    /** Waits (at most 30 s) until the instance's feed vouches for its memory, or until it no longer does. */
    private static void awaitFeed(DropwizardTestSupport<PortcullisConfiguration> app, boolean current) {
        Gauge<?> gauge = metrics(app).getGauges().get("portcullis.callerCache.current");
        assertThat(gauge).as("the caller cache is on").isNotNull();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (((Number) gauge.getValue()).intValue() != (current ? 1 : 0)) {
            assertThat(System.nanoTime() - deadline).as("the feed became %s", current ? "current" : "lost")
                    .isNegative();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
