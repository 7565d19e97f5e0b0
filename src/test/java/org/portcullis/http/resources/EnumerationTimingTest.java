package org.portcullis.http.resources;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.TestApps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unknown email must cost what a wrong password costs, at the production bcrypt cost, or response
 * times would tell an attacker which emails have accounts. Requests alternate so that machine noise
 * hits both kinds alike; the medians must be within 25 % of each other.
 */
@Tag("timing")
class EnumerationTimingTest {
    private static final int ROUNDS = 7;

    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.production(DB::url);

    @Test
    void anUnknownEmailTakesAsLongAsAWrongPassword() {
        Api api = new Api(APP.getLocalPort());
        String email = api.newAccount();
        // Warm-up: the first unknown email also computes the decoy hash once.
        api.post("/api/v1/auth/login", null, Map.of("email", "warmup@example.org", "password", "x")).expect(401);

        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            wrongPassword.add(timeLogin(api, email));
            unknownEmail.add(timeLogin(api, "nobody-" + UUID.randomUUID() + "@example.org"));
        }
        double known = median(wrongPassword);
        double unknown = median(unknownEmail);
        System.out.printf(Locale.ROOT, "login 401 medians over %d each: wrong password %.1f ms, unknown email %.1f ms,"
                + " ratio %.3f%n", ROUNDS, known / 1e6, unknown / 1e6, unknown / known);
        assertThat(unknown / known).isBetween(0.75, 1.25);
    }

    private static long timeLogin(Api api, String email) {
        long start = System.nanoTime();
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "a wrong password")).expect(401);
        return System.nanoTime() - start;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
