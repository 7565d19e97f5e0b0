package org.portcullis.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.api.EndpointTimers;
import org.portcullis.config.LatencyBudget;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.TestApps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six latency tests of the seed, introspection, and the two endpoints that need no account (/health, the OpenAPI document), on config.yml's production settings (bcrypt cost included) and an
 * H2 file database. Each warms its endpoint up, sends its requests, then reads the endpoint's whole-request
 * timer from the app's own MetricRegistry (the timer operators and the budget health checks read) and
 * holds the figures to the budget of config.yml. The results also go to target/benchmarks/latency.json
 * in JMH's format, for the benchmark pipeline's regression gate, with the SQL statements and bytes the
 * median request executed and allocated on the server as secondary metrics (see {@link WorkWindow}).
 *
 * <p>With {@code -Dlatency.budgets=report} (the benchmark runs) a budget miss is printed but does not fail:
 * there the comparator is the gate, and a failing test then means only one thing, an endpoint that did not
 * answer as it should, whose missing entry the comparator names.
 */
@Tag("latency")
class EndpointLatencyTest {
    static final Path OUTPUT = Path.of("target", "benchmarks");

    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2InTempDir();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.production(DB::url);

    /** The order of latency.json; also every test method's name. */
    static final List<String> ENDPOINTS = List.of("login", "register", "refresh", "usersMe", "sessionsList", "updateMe",
            "introspect", "health", "openapi");
    /**
     * The endpoints whose work is a bcrypt hash on the bulkhead's pool: the thread serving them mostly waits,
     * so its CPU time is left out of their results (the hash's time is in the endpoint's time).
     */
    private static final Set<String> HASHED_ELSEWHERE = Set.of("login", "register");
    private static final boolean BUDGETS_FAIL = !"report".equals(System.getProperty("latency.budgets"));

    private static final Map<String, LatencyResult> RESULTS = new ConcurrentHashMap<>();
    private static final Map<String, String> LINES = new ConcurrentHashMap<>();

    /**
     * One login of one account that refresh and the read and profile endpoints (users/me, sessions/me, PATCH
     * users/me) share: each used to make its own, two bcrypt operations apiece outside any measurement, a
     * sixth of a benchmark fork (twice that at one more bcrypt cost step). Refreshing rotates the session's
     * refresh token but keeps the session, so the access token stays good and the session list is one
     * session whichever test runs first. The refresh token is the test's to rotate: only refresh reads it.
     */
    private static JsonNode reader;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(APP.getLocalPort());
    }

    /**
     * One request of warm-up (the first pays Jersey's and Jackson's class loading) and three measured, as
     * register: their time is the hash, which varies ~1 % between requests, so the median of three is as
     * good a sample as that of five, and each hash left out is a quarter second of every gate fork that
     * runs bcrypt (half a second on a head that raised the cost).
     */
    @Test
    void login() {
        String email = api.newAccount();
        Map<String, String> body = Map.of("email", email, "password", Api.PASSWORD);
        measure("login", 1, 3, i -> api.post("/api/v1/auth/login", null, body).expect(200));
    }

    @Test
    void register() {
        measure("register", 1, 3, i -> api.post("/api/v1/auth/register", null, Map.of(
                "email", "latency-" + UUID.randomUUID() + "@example.org", "password", Api.PASSWORD,
                "first_name", "Latency")).expect(201));
    }

    /**
     * Every endpoint that needs no bcrypt measures at least 50 requests after a few hundred of warm-up: with
     * 5 refreshes after 30 and 20 profile updates after 150, a run of the gate on unchanged code put refresh
     * at 1.37× and updateMe at 1.17× over three pairs, and each such flag re-ran the whole workload twice.
     */
    @Test
    void refresh() {
        String[] token = {reader().get("refresh_token").asText()};
        measure("refresh", 200, 50, i -> {
            JsonNode pair = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", token[0])).expect(200).json();
            token[0] = pair.get("refresh_token").asText();
        });
    }

    private JsonNode reader() {
        if (reader == null) {
            reader = api.login(api.newAccount());
        }
        return reader;
    }

    private String readerToken() {
        return reader().get("access_token").asText();
    }

    /**
     * The cheapest authenticated request, the one a regression gate must resolve finest (a second database
     * round trip makes it ~1.5× slower). With 200 warm-up and 50 measured requests, forks of the same code
     * had medians from 0.48 to 1.25 ms: the path was still being compiled and 50 requests (~40 ms) let one
     * compilation or collection move the median; with 1000 and 300 the path is compiled before the measured
     * requests and they span a few hundred milliseconds (1500 and 1500 gave medians within ~15 % of each other).
     */
    @Test
    void usersMe() {
        String access = readerToken();
        measure("usersMe", 1000, 300, i -> api.get("/api/v1/users/me", access).expect(200));
    }

    /** As users/me, a little shorter: it shares users/me's path, and its extra read makes it steadier. */
    @Test
    void sessionsList() {
        String access = readerToken();
        measure("sessionsList", 600, 200, i -> api.get("/api/v1/sessions/me", access).expect(200));
    }

    @Test
    void updateMe() {
        String access = readerToken();
        measure("updateMe", 300, 100, i -> api.patch("/api/v1/users/me", access,
                Map.of("first_name", "Name " + i)).expect(200));
    }

    /**
     * A resource server asking about a user's access token (RFC 7662): HTTP Basic, the form, the verified-token
     * memory and the session read users/me makes, so it warms up and measures as users/me does.
     */
    @Test
    void introspect() {
        String body = "token=" + readerToken();
        String client = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (TestApps.INTROSPECTION_CLIENT + ":" + TestApps.INTROSPECTION_SECRET).getBytes(StandardCharsets.UTF_8));
        measure("introspect", 1000, 300, i -> {
            Api.Reply reply = api.send(api.request("/oauth2/introspect", null)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", client)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))).expect(200);
            if (!reply.body().startsWith("{\"active\":true")) {
                throw new AssertionError("introspection of a live token answered " + reply.body());
            }
        });
    }

    /**
     * Cheap, and the probe's answer is shared for a second (so a busy instance is not reported down): this
     * measures the path every load balancer poll takes, the cached answer, not SELECT 1 each time. The JIT
     * has Jetty, Jersey and Jackson to compile, hence the long warm-up.
     */
    @Test
    void health() {
        measure("health", 1000, 300, i -> api.get("/health", null).expect(200));
    }

    /** The document is rendered once and served from memory afterwards; the warm-up pays the rendering. */
    @Test
    void openapi() {
        measure("openapi", 500, 200, i -> api.get("/api/v1/openapi.json", null).expect(200));
    }

    /**
     * Warms up with {@code warmup} requests (hundreds for the cheap endpoints, so the JIT has compiled
     * the request path before anything is measured and a run does not race the compiler threads), measures
     * {@code requests} more one by one (so they stay in time order), and asserts the budget where config.yml
     * has one: the mean always, the p99 where there are at least 20 requests to give it meaning.
     */
    private void measure(String endpoint, int warmup, int requests, IntConsumer request) {
        TimerWindow window = new TimerWindow(APP.getEnvironment().metrics()
                .timer(EndpointTimers.total(EndpointTimers.named(endpoint))));
        WorkWindow work = new WorkWindow(APP.getEnvironment().metrics(), endpoint);
        long start = window.count();
        long workStart = work.count();
        for (int i = 0; i < warmup; i++) {
            request.accept(i);
        }
        window.start(start + warmup);
        work.start(workStart + warmup, requests);
        long[] nanos = new long[requests];
        int sent = warmup;
        for (int i = 0; i < requests; sent++) {
            request.accept(sent);
            work.next();
            OptionalLong took = window.next();
            if (took.isPresent()) {
                nanos[i++] = took.getAsLong();
            }
        }
        WorkWindow.PerRequest counted = work.perRequest();
        LatencyResult result = LatencyResult.of(endpoint, warmup, nanos)
                .withWork(HASHED_ELSEWHERE.contains(endpoint) ? counted.withoutCpu() : counted);
        LatencyBudget budget = APP.getConfiguration().getLatencyGuard().getBudgets().get(endpoint);
        String line = budget == null ? result.summary()
                : result.summary(budget.getMean().toNanoseconds() / 1e6, budget.getP99().toNanoseconds() / 1e6);
        System.out.println(line);
        RESULTS.put(endpoint, result);
        LINES.put(endpoint, line);

        assertThat(result.count()).as("requests recorded by the %s timer", endpoint).isEqualTo(requests);
        assertThat(window.count() - start).isEqualTo(sent);
        if (budget == null || !BUDGETS_FAIL) {
            return;
        }
        assertThat(result.meanMs()).as("%s mean (ms)", endpoint)
                .isLessThanOrEqualTo(budget.getMean().toNanoseconds() / 1e6);
        if (requests >= 20) {
            assertThat(result.percentileMs(99)).as("%s p99 (ms)", endpoint)
                    .isLessThanOrEqualTo(budget.getP99().toNanoseconds() / 1e6);
        }
    }

    @AfterAll
    static void writeResults() throws IOException {
        Files.createDirectories(OUTPUT);
        List<Map<String, Object>> results = ENDPOINTS.stream().filter(RESULTS::containsKey)
                .map(name -> RESULTS.get(name).toJmh()).toList();
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(OUTPUT.resolve("latency.json").toFile(), results);
        List<String> lines = ENDPOINTS.stream().filter(LINES::containsKey).map(LINES::get).toList();
        Files.write(OUTPUT.resolve("latency.txt"), lines, StandardCharsets.UTF_8);
    }
}
