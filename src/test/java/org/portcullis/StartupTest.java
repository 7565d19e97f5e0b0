package org.portcullis;

import io.dropwizard.testing.DropwizardTestSupport;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api;
import org.portcullis.support.TestApps;
import org.portcullis.support.TestDatabase;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What config.yml allows and refuses at start. */
class StartupTest {
    @Test
    void aJwtSecretShorterThan32BytesRefusesToStart() {
        TestDatabase db = TestDatabase.h2();
        DropwizardTestSupport<PortcullisConfiguration> app = TestApps.support(db::url,
                Map.of("tokens.secret", "too-short-secret"));
        try {
            assertThatThrownBy(app::before).hasMessageContaining("at least 32 bytes");
        } finally {
            app.after();
            db.close();
        }
    }

    @Test
    void aBcryptCostOutsideFourToThirtyOneRefusesToStart() {
        TestDatabase db = TestDatabase.h2();
        DropwizardTestSupport<PortcullisConfiguration> app = TestApps.support(db::url,
                Map.of("passwords.bcryptCost", "3"));
        try {
            assertThatThrownBy(app::before).hasMessageContaining("bcryptCost");
        } finally {
            app.after();
            db.close();
        }
    }

    @Test
    void aBudgetForAnUnknownEndpointRefusesToStart() {
        assertRefusesToStart(Map.of("latencyGuard.budgets.userMe.p99", "10ms",
                "latencyGuard.budgets.userMe.mean", "5ms"), "budgets may only name endpoints");
    }

    @Test
    void aNegativeOrUnparsableBudgetRefusesToStart() {
        assertRefusesToStart(Map.of("latencyGuard.budgets.usersMe.p99", "-5ms"), "usersMe");
        assertRefusesToStart(Map.of("latencyGuard.budgets.usersMe.mean", "fast"), "usersMe");
    }

    @Test
    void aSessionAgeShorterThanTheRefreshTokenLifetimeRefusesToStart() {
        assertRefusesToStart(Map.of("tokens.maxSessionAge", "1d"), "maxSessionAge must be at least refreshTokenLifetime");
    }

    @Test
    void aBulkheadWaitLongerThanTheLoginOrRegisterP99BudgetRefusesToStart() {
        String message = "passwords.bulkhead.maxWait must not exceed the p99 budget of login or register";
        assertRefusesToStart(Map.of("passwords.bulkhead.maxWait", "2s", "latencyGuard.budgets.login.p99", "1s"), message);
        assertRefusesToStart(Map.of("passwords.bulkhead.maxWait", "2s", "latencyGuard.budgets.register.p99", "1999ms"), message);
    }

    @Test
    void aLatencyBudgetScheduledAsCriticalOrTheDatabaseAsNonCriticalRefusesToStart() {
        String message = "health.healthChecks must schedule 'database' as critical and every latency budget";
        assertRefusesToStart(Map.of("health.healthChecks[1].critical", "true"), message);
        assertRefusesToStart(Map.of("health.healthChecks[0].critical", "false"), message);
    }

    @Test
    void aLimiterWhoseInitialLimitIsOutsideItsBoundsRefusesToStart() {
        assertRefusesToStart(Map.of("latencyGuard.limiter.initialLimit", "10"), "minLimit <= initialLimit <= maxLimit");
    }

    @Test
    void aDatabaseUrlOfADatabaseOtherThanPostgresOrH2RefusesToStartNamingTheSetting() {
        for (String url : new String[]{"jdbc:mysql://db:3306/portcullis", "jdbc:sqlite:/tmp/portcullis.db",
                "postgres://db/portcullis", "jdbc:h2:mem:x;MODE=MySQL"}) {
            DropwizardTestSupport<PortcullisConfiguration> app = TestApps.support(() -> url, Map.of());
            try {
                assertThatThrownBy(app::before).as(url).hasMessageContaining("DATABASE_URL");
            } finally {
                app.after();
            }
        }
    }

    /** ON CONFLICT and the other PostgreSQL syntax the service writes is a syntax error in H2's own mode. */
    @Test
    void anH2UrlWithoutPostgresModeIsRunInPostgresMode() throws Exception {
        String url = "jdbc:h2:mem:pc_nomode_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        DropwizardTestSupport<PortcullisConfiguration> app = TestApps.support(() -> url, Map.of());
        try {
            app.before();
            Api api = new Api(app.getLocalPort());
            api.login(api.newAccount());
            assertThat(app.getConfiguration().getDatabase().getUrl()).isEqualTo(url + ";MODE=PostgreSQL");
        } finally {
            app.after();
        }
    }

    @Test
    void anAdminUserWithoutAPasswordOrTheReverseRefusesToStart() {
        String message = "admin.user and admin.password (ADMIN_USER, ADMIN_PASSWORD) must be set together";
        assertRefusesToStart(Map.of("admin.user", "operator"), message);
        assertRefusesToStart(Map.of("admin.password", "a password without a user"), message);
    }

    private static void assertRefusesToStart(Map<String, String> settings, String message) {
        TestDatabase db = TestDatabase.h2();
        DropwizardTestSupport<PortcullisConfiguration> app = TestApps.support(db::url, settings);
        try {
            assertThatThrownBy(app::before).hasMessageContaining(message);
        } finally {
            app.after();
            db.close();
        }
    }

    @Test
    void theProductionDefaultsAreTheDocumentedOnes() throws Exception {
        TestDatabase db = TestDatabase.h2();
        DropwizardTestSupport<PortcullisConfiguration> app = TestApps.support(db::url,
                Map.of("tokens.secret", ""));
        try {
            app.before();
            PortcullisConfiguration config = app.getConfiguration();
            assertThat(config.getTokens().getAccessTokenLifetime().toSeconds()).isEqualTo(15 * 60);
            assertThat(config.getTokens().getRefreshTokenLifetime().toDays()).isEqualTo(7);
            assertThat(config.getTokens().getClockLeeway().toSeconds()).isEqualTo(30);
            assertThat(config.getTokens().getMaxSessionAge().toDays()).isEqualTo(30);
            assertThat(config.getTokens().getMaxSessionsPerUser()).isEqualTo(50);
            assertThat(config.getPurge().getInterval().toHours()).isEqualTo(1);
            assertThat(config.getPurge().getRetention().toDays()).isEqualTo(7);
            assertThat(config.getClients().getTrustedProxies()).isEmpty();
            assertThat(config.isMigrateOnStart()).isTrue();
            assertThat(config.getLatencyGuard().getWindow().toMinutes()).isEqualTo(5);
            assertThat(config.getLatencyGuard().getMinRequests()).isEqualTo(20);
            assertThat(config.getLatencyGuard().getLimiter().isEnabled()).isTrue();
            assertThat(config.getLatencyGuard().getLimiter().getInitialLimit()).isEqualTo(config.getDatabase().getMaxSize());
            io.dropwizard.health.HealthCheckConfiguration database =
                    ((io.dropwizard.health.DefaultHealthFactory) config.getHealthFactory().orElseThrow())
                            .getHealthCheckConfigurations().get(0);
            assertThat(database.getName()).isEqualTo("database");
            assertThat(database.isCritical()).isTrue();
            assertThat(database.getSchedule().getFailureAttempts()).as("down only after 3 failures in a row").isEqualTo(3);
            assertThat(config.getPasswords().getBulkhead().getMaxWait().toSeconds()).isEqualTo(2);
            assertThat(config.getLatencyGuard().getBudgets().get("login").getP99().toSeconds()).isEqualTo(3);
            assertThat(config.getLatencyGuard().getBudgets()).containsOnlyKeys("login", "register", "refresh",
                    "usersMe", "updateMe", "sessionsList", "introspect");
            assertThat(config.getLatencyGuard().getBudgets().get("refresh").getP99().toMilliseconds()).isEqualTo(400);
        } finally {
            app.after();
            db.close();
        }
    }
}
