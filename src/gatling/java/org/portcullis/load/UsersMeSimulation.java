package org.portcullis.load;

import io.gatling.javaapi.core.ScenarioBuilder;

import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The cheapest authenticated read under a closed model: {@code loadtest.users} (32) virtual users, each with
 * its own account, session and keep-alive connection, GET /api/v1/users/me back to back for the phase.
 * Every request verifies the JWT and checks in the database that its session is live and its user active.
 *
 * <p>Goals: at least 5,000 requests a second with p99 at most 20 ms, and no error. Gatling records response
 * times in whole milliseconds, so p50 on loopback often reads 0 or 1 ms.
 */
public final class UsersMeSimulation extends PortcullisSimulation {
    static final double MIN_REQUESTS_PER_SECOND = 5_000;
    static final int MAX_P99_MS = 20;

    private final AccountPool accounts = new AccountPool("users-me", settings.users());

    public UsersMeSimulation() {
        ScenarioBuilder readers = scenario("users/me readers")
                .feed(accounts.eachOnce())
                .during(settings.duration()).on(PortcullisRequests.usersMe());
        run(List.of(
                        details(PortcullisRequests.USERS_ME).requestsPerSec().gte(MIN_REQUESTS_PER_SECOND),
                        details(PortcullisRequests.USERS_ME).responseTime().percentile(99).lte(MAX_P99_MS),
                        details(PortcullisRequests.USERS_ME).failedRequests().count().is(0L)),
                readers.injectClosed(constantConcurrentUsers(settings.users()).during(settings.duration())));
    }

    @Override
    void prepare() {
        accounts.create(client, settings.cores());
    }

    @Override
    List<String> warmUpPaths() {
        return List.of("/api/v1/users/me");
    }

    @Override
    List<String> warmUpTokens() {
        return accounts.accessTokens();
    }
}
