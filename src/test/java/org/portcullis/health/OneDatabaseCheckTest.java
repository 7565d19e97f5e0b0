package org.portcullis.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.health.HealthStateView;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.TestApps;

import static org.assertj.core.api.Assertions.assertThat;

/** The running app has one database check, ours, scheduled by the health module as its critical check. */
class OneDatabaseCheckTest {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(DB::url);

    @Test
    void theDatabaseIsCheckedOnceByTheCheckOnItsOwnPoolNotByJdbisToo() {
        var checks = APP.getEnvironment().healthChecks();
        assertThat(checks.getNames().stream().filter(name -> name.contains("database")))
                .containsExactly("database");
        assertThat(checks.getHealthCheck("database")).isInstanceOf(DatabaseCheck.class);
        assertThat(APP.getEnvironment().metrics().getNames())
                .anyMatch(name -> name.contains("database-check"));

        HealthStateView view = APP.getEnvironment().health().healthStateAggregator().healthStateView("database")
                .orElseThrow();
        assertThat(view.isCritical()).isTrue();
        assertThat(view.isHealthy()).isTrue();
    }

    @Test
    void healthAndHealthCheckReportTheDatabaseUp() {
        JsonNode health = new Api(APP.getLocalPort()).get("/health", null).expect(200).json();
        assertThat(health.get("checks").get("database").get("status").asText()).isEqualTo("up");
        JsonNode database = new Api(APP.getAdminPort()).get("/health-check?name=database", null).expect(200).json();
        assertThat(database.get(0).get("name").asText()).isEqualTo("database");
        assertThat(database.get(0).get("healthy").asBoolean()).isTrue();
    }
}
