package org.portcullis.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;

import java.time.Duration;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Logins at four times what the box can verify, while signed-in clients keep reading: does the bcrypt
 * bulkhead keep bcrypt from starving the cheap endpoints, and does it still verify as fast as the cores
 * allow?
 *
 * <p>Capacity is cores ÷ the time of one bcrypt verify ({@code loadtest.bcryptSeconds}, 0.28 s at cost 12
 * here: 2 cores make ~7.1 logins a second), and the flood arrives in an open model at 4 × that (~28.6 a
 * second), each arrival one login. Eight signed-in clients probe GET users/me meanwhile, each once every
 * {@link #PROBE_PACE}: they measure what a signed-in user sees during the flood. They are a probe, not a
 * second load: readers that loop back to back would take a fair share of the CPU from the bcrypt threads
 * (the kernel schedules threads, not priorities), and what they then measure is how the cores are split
 * between two saturating loads, which the mixed scenario covers.
 *
 * <p>The bulkhead answers what it cannot take in time with 503 and Retry-After; for logins, and only for
 * them, that is expected. The request {@code login} fails on anything else. Around it, the group
 * {@code login accepted} is OK for a 200 and KO for a 503, so its OK count is the number of logins served.
 *
 * <p>Goals: logins served at ≥ 85 % of capacity (issue 12) over the phase, users/me p99 ≤ 25 ms, no error but those
 * 503s.
 */
public final class LoginFloodSimulation extends PortcullisSimulation {
    static final String LOGIN_ACCEPTED = "login accepted";
    static final double FLOOD_FACTOR = 4;
    static final double MIN_SHARE_OF_CAPACITY = 0.85;
    static final int MAX_USERS_ME_P99_MS = 25;
    static final int READERS = 8;
    static final int FLOOD_ACCOUNTS = 8;
    /** Each signed-in client sends at most one GET users/me per this: 8 clients, up to 160 a second. */
    static final Duration PROBE_PACE = Duration.ofMillis(50);

    private final AccountPool readers = new AccountPool("flood-readers", READERS);
    private final AccountPool flooders = new AccountPool("flood", FLOOD_ACCOUNTS);

    public LoginFloodSimulation() {
        double capacity = settings.bcryptCapacityPerSecond();
        long minServed = (long) Math.ceil(MIN_SHARE_OF_CAPACITY * capacity * settings.duration().toSeconds());
        System.out.printf("login flood: capacity %.2f logins/s (%d cores / %.3f s), flood %.2f logins/s,"
                        + " goal >= %d logins served in %d s%n", capacity, settings.cores(), settings.bcryptSeconds(),
                FLOOD_FACTOR * capacity, minServed, settings.duration().toSeconds());

        ScenarioBuilder flood = scenario("login flood")
                .feed(flooders.circular())
                .group(LOGIN_ACCEPTED).on(exec(PortcullisRequests.loginOrBusy())
                        .exec(LoginFloodSimulation::failIfRefused));
        ScenarioBuilder signedIn = scenario("signed-in clients")
                .feed(readers.eachOnce())
                .during(settings.duration()).on(pace(PROBE_PACE).exec(PortcullisRequests.usersMe()));
        run(List.of(
                        details(LOGIN_ACCEPTED).successfulRequests().count().gte(minServed),
                        details(LOGIN_ACCEPTED, PortcullisRequests.LOGIN).failedRequests().count().is(0L),
                        details(PortcullisRequests.USERS_ME).responseTime().percentile(99).lte(MAX_USERS_ME_P99_MS),
                        details(PortcullisRequests.USERS_ME).failedRequests().count().is(0L)),
                flood.injectOpen(constantUsersPerSec(FLOOD_FACTOR * capacity).during(settings.duration())),
                signedIn.injectClosed(constantConcurrentUsers(READERS).during(settings.duration())));
    }

    /** A 503 from the bulkhead passed the request's checks; it makes the group KO, not the request. */
    private static Session failIfRefused(Session session) {
        return session.contains("loginStatus") && session.getInt("loginStatus") == 503 ? session.markAsFailed() : session;
    }

    @Override
    void prepare() {
        readers.create(client, settings.cores());
        flooders.create(client, settings.cores());
    }

    @Override
    List<String> warmUpPaths() {
        return List.of("/api/v1/users/me");
    }

    @Override
    List<String> warmUpTokens() {
        return readers.accessTokens();
    }

    /**
     * Twice as many logins in flight as bcrypt threads: the pool busy and its queue used. A 503 during the
     * warm-up is waited out and retried by the setup client.
     */
    @Override
    List<Account> warmUpLogins() {
        return flooders.first(2 * settings.cores());
    }
}
