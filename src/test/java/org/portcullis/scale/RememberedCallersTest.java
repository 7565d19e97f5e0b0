package org.portcullis.scale;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.db.ChangeFeed;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PostgresAvailable;
import org.portcullis.support.TestApps;

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
    @Order(1)
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    /** Two instances on the one database, as stateless nodes behind a load balancer. */
    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<PortcullisConfiguration> A = TestApps.functional(DB::url, Map.of());

    @RegisterExtension
    @Order(3)
    static final DropwizardAppExtension<PortcullisConfiguration> B = TestApps.functional(DB::url, Map.of());

    private final Api onA = new Api(A.getLocalPort());
    private final Api onB = new Api(B.getLocalPort());

    @Test
    void aCallerSeenOnBIsServedFromMemoryUntilALogoutOnAReachesBWithinMaxStaleness() {
        awaitFeed(B, true);
        String access = onA.login(onA.newAccount()).get("access_token").asText();
        onB.get(USERS_ME, access).expect(200);
        long hits = hits(B);
        onB.get(USERS_ME, access).expect(200);
        assertThat(hits(B)).as("the second request was served from memory").isGreaterThan(hits);

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
        awaitFeed(B, true);
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
        awaitFeed(B, true);
        String access = onA.login(onA.newAccount()).get("access_token").asText();
        onB.get(USERS_ME, access).expect(200);
        onB.get(USERS_ME, access).expect(200);

        DB.database().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                + ChangeFeed.APPLICATION_NAME + "' AND datname = current_database()");
        awaitFeed(B, false);
        long hits = hits(B);
        onA.post("/api/v1/auth/logout", access, null).expect(204);
        onB.get(USERS_ME, access).expect(401);
        assertThat(hits(B)).as("nothing served from memory while the listener was away").isEqualTo(hits);

        // The feed reconnects (callerCache.reconnectDelay), forgets what it may have missed, and serves again.
        awaitFeed(B, true);
        String again = onA.login(onA.newAccount()).get("access_token").asText();
        onB.get(USERS_ME, again).expect(200);
        // Current again just before the request that must be served from memory: a heartbeat late by more than
        // maxStaleness (100 ms) on a loaded machine, between the login above and it, would rightly read the database.
        awaitFeed(B, true);
        long before = hits(B);
        onB.get(USERS_ME, again).expect(200);
        assertThat(hits(B)).isGreaterThan(before);
    }

    @Test
    void withTheChangeTriggersDisabledALogoutOnAIsRefusedOnAAtOnceAndOnBWithinASecond() {
        awaitFeed(A, true);
        awaitFeed(B, true);
        String access = onA.login(onA.newAccount()).get("access_token").asText();
        for (Api instance : new Api[] {onA, onA, onB, onB}) {
            instance.get(USERS_ME, access).expect(200);
        }

        DB.database().execute("ALTER TABLE sessions DISABLE TRIGGER USER");
        DB.database().execute("ALTER TABLE users DISABLE TRIGGER USER");
        try {
            onA.post("/api/v1/auth/logout", access, null).expect(204);
            long loggedOut = System.nanoTime();
            onA.get(USERS_ME, access).expect(401);
            int servedAfter = 0;
            int status;
            while ((status = onB.get(USERS_ME, access).status()) == 200
                    && System.nanoTime() - loggedOut < TimeUnit.SECONDS.toNanos(5)) {
                servedAfter++;
            }
            assertThat(status).isEqualTo(401);
            assertThat(Duration.ofNanos(System.nanoTime() - loggedOut))
                    .as("refused on B after %d more answers", servedAfter).isLessThanOrEqualTo(Duration.ofSeconds(1));
        } finally {
            DB.database().execute("ALTER TABLE sessions ENABLE TRIGGER USER");
            DB.database().execute("ALTER TABLE users ENABLE TRIGGER USER");
        }
    }

    private static long hits(DropwizardAppExtension<PortcullisConfiguration> app) {
        return metrics(app).meter("portcullis.callerCache.hits").getCount();
    }

    private static MetricRegistry metrics(DropwizardAppExtension<PortcullisConfiguration> app) {
        return app.getEnvironment().metrics();
    }

    /** Waits (at most 30 s) until the instance's feed vouches for its memory, or until it no longer does. */
    private static void awaitFeed(DropwizardAppExtension<PortcullisConfiguration> app, boolean current) {
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
