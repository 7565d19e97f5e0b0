package org.portcullis.scale;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PgBouncer;
import org.portcullis.support.PgBouncerAvailable;
import org.portcullis.support.PostgresAvailable;
import org.portcullis.support.TestApps;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances with the caller cache on (config.yml's default) reaching PostgreSQL through PgBouncer in
 * transaction mode, where LISTEN cannot hold a backend: the revocation promise still holds (a logout on A is
 * refused on B at the next request), because the change feed sees that its statements do not run on the
 * backend it connected to and leaves the cache off.
 */
@ExtendWith({PostgresAvailable.class, PgBouncerAvailable.class})
class BehindPgBouncerTest {
    private static final String USERS_ME = "/api/v1/users/me";

    @RegisterExtension
    @Order(1)
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @RegisterExtension
    @Order(2)
    static final PgBouncer BOUNCER = new PgBouncer(DB);

    @RegisterExtension
    @Order(3)
    static final DropwizardAppExtension<PortcullisConfiguration> A = TestApps.functional(BOUNCER::url, Map.of());

    @RegisterExtension
    @Order(4)
    static final DropwizardAppExtension<PortcullisConfiguration> B = TestApps.functional(BOUNCER::url, Map.of());

    private final Api onA = new Api(A.getLocalPort());
    private final Api onB = new Api(B.getLocalPort());

    @Test
    void aLogoutOnAIsRefusedOnBAtTheNextRequestAndNothingIsServedFromMemory() {
        for (int round = 0; round < 20; round++) {
            String access = onA.login(onA.newAccount()).get("access_token").asText();
            onB.get(USERS_ME, access).expect(200);
            onB.get(USERS_ME, access).expect(200);

            onA.post("/api/v1/auth/logout", access, null).expect(204);
            onB.get(USERS_ME, access).expect(401);
        }
        assertThat(metrics(B).meter("portcullis.callerCache.hits").getCount())
                .as("B never served from memory through a transaction pooler").isZero();
        assertThat(metrics(B).getGauges().get("portcullis.callerCache.current").getValue()).isEqualTo(0);
    }

    private static MetricRegistry metrics(DropwizardAppExtension<PortcullisConfiguration> app) {
        return app.getEnvironment().metrics();
    }
}
