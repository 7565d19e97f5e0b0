package org.portcullis.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.TestApps;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The capacity gauges as an autoscaler reads them, on the admin port's /metrics and /prometheus after a
 * registration and four logins. A one-hour window moves in five-minute slices, so within the test's first
 * five minutes the five hashes asked for are divided by exactly 300 s.
 */
class CapacityGaugesAppTest {
    private static final int LOGINS = 4;
    private static final double ASKED_PER_SECOND = (1 + LOGINS) / 300.0;

    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(DB::url,
            Map.of("passwords.bulkhead.capacityWindow", "1h"));

    @BeforeAll
    static void registerAndLogIn() {
        Api api = new Api(APP.getLocalPort());
        String email = api.newAccount();
        for (int i = 0; i < LOGINS; i++) {
            api.login(email);
        }
    }

    @Test
    void metricsShowTheCapacityTheLoginsAskedForAndTheHeadroomBetween() {
        JsonNode gauges = new Api(APP.getAdminPort()).get("/metrics", null).expect(200).json().get("gauges");
        double capacity = gauges.at("/portcullis.capacity.logins-per-second/value").asDouble();
        double asked = gauges.at("/portcullis.capacity.logins-asked-per-second/value").asDouble();
        double headroom = gauges.at("/portcullis.capacity.login-headroom/value").asDouble();

        assertThat(capacity).as("bcrypt at cost 4 on the test's threads").isGreaterThan(10.0).isFinite();
        assertThat(asked).isCloseTo(ASKED_PER_SECOND, within(1e-12));
        assertThat(headroom).isCloseTo(1 - asked / capacity, within(1e-12));
    }

    @Test
    void prometheusExportsTheSameGauges() {
        List<String> lines = new Api(APP.getAdminPort()).get("/prometheus", null).expect(200).body().lines().toList();

        assertThat(lines).anyMatch(line -> line.matches("portcullis_capacity_logins_per_second [0-9.E]+"));
        assertThat(lines).contains("portcullis_capacity_logins_asked_per_second " + ASKED_PER_SECOND);
        assertThat(lines).anyMatch(line -> line.matches("portcullis_capacity_login_headroom 0\\.9[0-9E-]+"));
    }
}
