package org.portcullis.scale;

import io.dropwizard.testing.DropwizardTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.BurstGate;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.GatedBcryptApplication;
import org.portcullis.support.TestApps;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of parallel guesses, split over two instances on one database, with every bcrypt check held
 * until the whole burst has been decided ({@link BurstGate}). However the requests interleave, at most
 * {@code maxFailures} of them may reach bcrypt per account, at most {@code addressMaxFailures} per
 * client address, and at most {@code deviceMaxFailures} per known device's token; every other one is
 * refused with 429 before any password work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ParallelGuessContract {
    private static final int BURST = 40;
    private static final int MAX_FAILURES = 10;
    private static final int ADDRESS_MAX_FAILURES = 10;
    private static final int DEVICE_MAX_FAILURES = 5;

    @RegisterExtension
    final DatabaseExtension db;

    private DropwizardTestSupport<PortcullisConfiguration> a;
    private DropwizardTestSupport<PortcullisConfiguration> b;

    protected ParallelGuessContract(DatabaseExtension db) {
        this.db = db;
    }

    @BeforeAll
    void startTwoInstances() throws Exception {
        // The bcrypt pool has a thread for every request of the burst, so only the throttle refuses.
        Map<String, String> settings = Map.of(
                "clients.trustedProxies", "127.0.0.1",
                "lockout.maxFailures", String.valueOf(MAX_FAILURES),
                "lockout.addressMaxFailures", String.valueOf(ADDRESS_MAX_FAILURES),
                "lockout.deviceMaxFailures", String.valueOf(DEVICE_MAX_FAILURES),
                "passwords.bulkhead.threads", String.valueOf(BURST),
                "passwords.bulkhead.queueSize", "0");
        a = TestApps.support(GatedBcryptApplication.class, db::url, settings);
        b = TestApps.support(GatedBcryptApplication.class, db::url, settings);
        a.before();
        b.before();
    }

    @AfterAll
    void stopBoth() {
        if (b != null) {
            b.after();
        }
        if (a != null) {
            a.after();
        }
    }

    @Test
    void parallelWrongPasswordsOnOneAccountReachBcryptAtMostMaxFailuresTimes() throws Exception {
        String email = new Api(a.getLocalPort()).newAccount();

        List<Integer> statuses = burst(i -> login(i, email, "wrong password " + i, randomNetwork() + "::1"));

        assertThat(BurstGate.timedOut()).as("every guess was decided while the burst was in flight").isFalse();
        assertThat(BurstGate.arrivals()).isLessThanOrEqualTo(MAX_FAILURES);
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(BurstGate.arrivals());
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(BURST - BurstGate.arrivals());
        assertThat(login(0, email, Api.PASSWORD, randomNetwork() + "::1")).as("the account is locked").isEqualTo(429);
    }

    @Test
    void parallelWrongPasswordsFromOneIpv6NetworkReachBcryptAtMostAddressMaxFailuresTimes() throws Exception {
        String network = randomNetwork();

        // A fresh address of the same /64 and a fresh unknown email for every guess.
        List<Integer> statuses = burst(i -> login(i, "nobody-" + UUID.randomUUID() + "@example.org",
                "wrong password", network + "::" + Integer.toHexString(i + 1)));

        assertThat(BurstGate.timedOut()).as("every guess was decided while the burst was in flight").isFalse();
        assertThat(BurstGate.arrivals()).isLessThanOrEqualTo(ADDRESS_MAX_FAILURES);
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(BurstGate.arrivals());
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(BURST - BurstGate.arrivals());
    }

    @Test
    void parallelWrongPasswordsWithOneDeviceTokenReachBcryptAtMostDeviceMaxFailuresTimes() throws Exception {
        String email = new Api(a.getLocalPort()).newAccount();
        String from = randomNetwork() + "::1";
        String device = login(0, email, Api.PASSWORD, from, null).expect(200).json().get("device_token").asText();

        List<Integer> statuses = burst(i -> login(i, email, "wrong password " + i, from, device).status());

        assertThat(BurstGate.timedOut()).as("every guess was decided while the burst was in flight").isFalse();
        assertThat(BurstGate.arrivals()).isLessThanOrEqualTo(DEVICE_MAX_FAILURES);
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(BurstGate.arrivals());
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(BURST - BurstGate.arrivals());
        assertThat(login(0, email, Api.PASSWORD, randomNetwork() + "::1"))
                .as("the device's failures locked the token, not the account").isEqualTo(200);
    }

    /** Sends {@link #BURST} requests at once, from as many threads, alternating the instances. */
    private List<Integer> burst(IntFunction<Integer> request) throws Exception {
        BurstGate.arm(BURST);
        ExecutorService threads = Executors.newFixedThreadPool(BURST);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                int n = i;
                replies.add(threads.submit(() -> {
                    start.await();
                    try {
                        return request.apply(n);
                    } finally {
                        BurstGate.answered();
                    }
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> reply : replies) {
                statuses.add(reply.get());
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }

    private int login(int i, String email, String password, String from) {
        return login(i, email, password, from, null).status();
    }

    /** A login on instance a (even i) or b (odd i), presenting {@code deviceOrNull} as its device token. */
    private Api.Reply login(int i, String email, String password, String from, String deviceOrNull) {
        Api api = new Api((i % 2 == 0 ? a : b).getLocalPort());
        String device = deviceOrNull == null ? "" : ",\"device_token\":\"" + deviceOrNull + "\"";
        return api.send(api.request("/api/v1/auth/login", null)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"" + device + "}")));
    }

    /** The first four groups of an IPv6 address in a random /64 of the documentation range. */
    private static String randomNetwork() {
        UUID id = UUID.randomUUID();
        return "2001:db8:" + Long.toHexString(id.getMostSignificantBits() & 0xffff) + ":"
                + Long.toHexString(id.getLeastSignificantBits() & 0xffff);
    }
}
