package org.portcullis.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * More users/me requests than the service can serve: an open model (arrivals do not wait for answers, as
 * real clients do not) at twice the capacity the users-me phase measured just before on the same service
 * ({@code loadtest.capacity}, its closed-model throughput of served requests). Without a limit the excess
 * queues in Jetty and every request waits behind it; with the adaptive concurrency limit the excess is
 * shed with 503 at once and the requests admitted are served about as fast as unloaded ones.
 *
 * <p>Each arrival is one GET with one of {@link #ACCOUNTS} signed-in accounts' tokens, over connections
 * shared between arrivals (keep-alive, as behind a load balancer: a fresh connection per arrival would
 * measure TCP set-up and run out of local ports within seconds at these rates).
 *
 * <p>Goals: served requests (200) at least {@link #MIN_GOODPUT_SHARE} of capacity over the phase; their p99
 * within the usersMe p99 budget the service runs with (admin /latency) and at most {@link #MAX_SERVED_P99_MS};
 * every other answer 503 with Retry-After, and no other error. The request {@code users/me} passes on 200
 * and on such a 503; around it the group {@code users/me served} is OK for a 200 only, so its OK count is the
 * goodput. The served p99 is judged by {@link ServedLatency}: Gatling's percentiles would mix the fast 503s in.
 */
public final class OverloadSimulation extends PortcullisSimulation {
    static final String SERVED = "users/me served";
    static final double OVERLOAD_FACTOR = 2;
    static final double MIN_GOODPUT_SHARE = 0.8;
    static final double MAX_SERVED_P99_MS = 50;
    static final int ACCOUNTS = 32;

    private final AccountPool accounts = new AccountPool("overload", ACCOUNTS);
    private final ServedLatency served = ServedLatency.fromSystemProperties();
    private final double servedP99LimitMs;

    public OverloadSimulation() {
        double capacity = settings.capacity();
        if (capacity <= 0) {
            throw new IllegalStateException("overload: capacity unknown; loadtest.mk measures it with the users-me"
                    + " phase first, or takes CAPACITY=<requests per second>");
        }
        servedP99LimitMs = Math.min(MAX_SERVED_P99_MS, client.p99BudgetMillis(settings.adminUrl(), "usersMe"));
        double rate = OVERLOAD_FACTOR * capacity;
        long seconds = settings.duration().toSeconds();
        long minServed = (long) Math.ceil(MIN_GOODPUT_SHARE * capacity * seconds);
        System.out.printf("overload: capacity %.0f req/s, arrivals %.0f req/s for %d s, goal >= %d served,"
                + " served p99 <= %.0f ms%n", capacity, rate, seconds, minServed, servedP99LimitMs);

        ScenarioBuilder arrivals = scenario("users/me arrivals")
                .feed(accounts.circular())
                .group(SERVED).on(exec(PortcullisRequests.usersMeOrShed()).exec(this::recordServed));
        run(List.of(
                        details(SERVED).successfulRequests().count().gte(minServed),
                        details(SERVED, PortcullisRequests.USERS_ME).failedRequests().count().is(0L)),
                arrivals.injectOpen(constantUsersPerSec(rate).during(settings.duration())));
    }

    /** A 200's time goes to the served figures; a 503 passed the request's checks and makes the group KO. */
    private Session recordServed(Session session) {
        if (!session.contains(PortcullisRequests.STATUS)) {
            return session;
        }
        if (session.getInt(PortcullisRequests.STATUS) == 200) {
            served.record(session.getInt(PortcullisRequests.RESPONSE_MILLIS));
            return session;
        }
        return session.markAsFailed();
    }

    @Override
    HttpProtocolBuilder protocol() {
        return super.protocol().shareConnections();
    }

    /**
     * The served figures first: the heap probe spawns jcmd, which fails when the run has exhausted this JVM's
     * file descriptors (an open model against a service that stops answering opens a connection per arrival),
     * and the verdict must still be written.
     */
    @Override
    public void after() {
        served.judge(SERVED, servedP99LimitMs);
        try {
            super.after();
        } catch (IllegalStateException heapNotMeasured) {
            // Heap figures are not a goal of this scenario; Gatling's own report and assertions still follow.
            System.out.println("overload: " + heapNotMeasured.getMessage());
        }
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
