package org.portcullis.load;

import io.gatling.javaapi.core.ScenarioBuilder;

import java.time.Duration;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Traffic of a service in use, for soaks ({@code DURATION=60s} and longer). Two populations:
 * <ul>
 *   <li>{@code loadtest.users} (32) signed-in clients in a closed model, each sending at most one request
 *   every {@link #CLIENT_PACE} (a busy service's clients, not a saturation test: users-me is that, and
 *   32 clients back to back on 2 shared cores would starve the logins' bcrypt of CPU): 65 % GET users/me,
 *   25 % GET sessions/me, 10 % refresh. Each client keeps its own session and rotates its own refresh
 *   token, so every refresh presents the current one (a stale one would be a replay and revoke the
 *   session).</li>
 *   <li>returning users logging in, an open model at a quarter of the box's bcrypt capacity (cores ÷
 *   bcrypt time), so logins always fit and never meet the bulkhead's 503.</li>
 * </ul>
 * Goal: not one error. Access tokens live 15 minutes; the clients' refreshes renew theirs, so soaks may
 * run longer than that.
 */
public final class MixedSimulation extends PortcullisSimulation {
    /** Logins a second as a share of the box's bcrypt capacity: well inside it, even with the readers' load. */
    static final double LOGIN_SHARE_OF_CAPACITY = 0.25;
    static final int RETURNING_ACCOUNTS = 8;
    /** At most one request per client per this: 32 clients give up to 800 requests a second. */
    static final Duration CLIENT_PACE = Duration.ofMillis(40);

    private final AccountPool clients = new AccountPool("mixed", settings.users());
    private final AccountPool returning = new AccountPool("returning", RETURNING_ACCOUNTS);

    public MixedSimulation() {
        ScenarioBuilder signedIn = scenario("signed-in clients")
                .feed(clients.eachOnce())
                .during(settings.duration()).on(pace(CLIENT_PACE).randomSwitch().on(
                        percent(65.0).then(PortcullisRequests.usersMe()),
                        percent(25.0).then(PortcullisRequests.sessionsMe()),
                        percent(10.0).then(PortcullisRequests.refresh())));
        ScenarioBuilder logins = scenario("returning users")
                .feed(returning.circular())
                .exec(PortcullisRequests.login());
        double loginsPerSecond = LOGIN_SHARE_OF_CAPACITY * settings.bcryptCapacityPerSecond();
        run(List.of(global().failedRequests().count().is(0L)),
                signedIn.injectClosed(constantConcurrentUsers(settings.users()).during(settings.duration())),
                logins.injectOpen(constantUsersPerSec(loginsPerSecond).during(settings.duration())));
    }

    @Override
    void prepare() {
        clients.create(client, settings.cores());
        returning.create(client, settings.cores());
    }

    @Override
    List<String> warmUpPaths() {
        return List.of("/api/v1/users/me", "/api/v1/sessions/me");
    }

    @Override
    List<String> warmUpTokens() {
        return clients.accessTokens();
    }

    @Override
    List<Account> warmUpLogins() {
        return returning.first(settings.cores());
    }
}
