package org.portcullis.mail;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST password-reset must answer an address with an account as fast as one without, or its timing would
 * tell which addresses have accounts: the answer is given before the lookup, which runs in the background.
 * 200 of each, alternating so machine noise hits both alike, after a warm-up; prints mean and p99 of each
 * and requires the medians within 25 % of each other. The account's own limit drops most of its requests
 * in the background, which the answer must not show either.
 */
@Tag("timing")
class PasswordResetTimingTest extends AppOnDatabase {
    private static final int REQUESTS = 200;
    private static final int WARM_UP = 100;

    PasswordResetTimingTest() {
        super(DatabaseExtension.h2(), Map.of("mail.requests.perAddress", "1000000"));
    }

    @Test
    void anAddressWithAnAccountIsAnsweredAsFastAsOneWithout() {
        Api api = new Api(app().getLocalPort());
        String known = api.newAccount();
        for (int i = 0; i < WARM_UP; i++) {
            time(api, known);
            time(api, "warm-up-" + i + "@example.org");
        }

        List<Long> knownTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            knownTimes.add(time(api, known));
            unknownTimes.add(time(api, "nobody-" + UUID.randomUUID() + "@example.org"));
        }

        System.out.printf(Locale.ROOT, "password-reset 202 over %d each: known mean %.2f ms p99 %.2f ms,"
                        + " unknown mean %.2f ms p99 %.2f ms%n", REQUESTS, mean(knownTimes), p99(knownTimes),
                mean(unknownTimes), p99(unknownTimes));
        assertThat(median(knownTimes) / median(unknownTimes)).isBetween(0.75, 1.25);
    }

    private static long time(Api api, String email) {
        long start = System.nanoTime();
        api.post("/api/v1/auth/password-reset", null, Map.of("email", email)).expect(202);
        return System.nanoTime() - start;
    }

    private static double mean(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).average().orElseThrow() / 1e6;
    }

    private static double p99(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6;
    }

    private static double median(List<Long> nanos) {
        return nanos.stream().sorted().toList().get(nanos.size() / 2);
    }
}
