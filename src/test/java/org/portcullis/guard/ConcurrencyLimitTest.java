package org.portcullis.guard;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.api.EndpointTimers;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.HeldRequestApplication;
import org.portcullis.support.RequestHold;
import org.portcullis.support.TestApps;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The concurrency limit, pinned at 2 (min = initial = max): two requests held inside a limited test endpoint
 * fill it, the next limited request is refused at once, and once they are released requests are admitted
 * again. No timing is involved: the held requests wait on a latch until the test releases them.
 */
class ConcurrencyLimitTest {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    private static final Map<String, String> LIMIT_OF_TWO = Map.of(
            "latencyGuard.limiter.initialLimit", "2",
            "latencyGuard.limiter.minLimit", "2",
            "latencyGuard.limiter.maxLimit", "2",
            "latencyGuard.limiter.retryAfter", "3s");

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(
            HeldRequestApplication.class, DB::url, LIMIT_OF_TWO);

    private final ExecutorService clients = Executors.newFixedThreadPool(3);

    @AfterEach
    void releaseAndStop() {
        RequestHold.release();
        clients.shutdownNow();
    }

    @Test
    void beyondTheLimitARequestIsShedAtOnceWith503AndAdmittedAgainAfterRelease() throws Exception {
        Api api = new Api(APP.getLocalPort());
        String email = api.newAccount();
        String token = api.login(email).get("access_token").asText();
        MetricRegistry metrics = APP.getEnvironment().metrics();

        RequestHold.arm(2);
        List<CompletableFuture<Api.Reply>> held = hold(api, 2);
        assertThat(RequestHold.awaitEntered()).as("both held requests are inside").isTrue();
        assertThat(metrics.getGauges().get("portcullis.limiter.inflight").getValue()).isEqualTo(2);
        assertThat(metrics.getGauges().get("portcullis.limiter.limit").getValue()).isEqualTo(2);

        long usersMeTimed = metrics.timer(EndpointTimers.total(EndpointTimers.named("usersMe"))).getCount();
        Api.Reply shed = api.get("/api/v1/users/me", token);
        shed.expect(503);
        assertThat(shed.header("Retry-After")).isEqualTo("3");
        assertThat(shed.header("X-Content-Type-Options")).as("the headers of every API response").isEqualTo("nosniff");
        assertThat(shed.header("Cache-Control")).isEqualTo("no-store");
        JsonNode error = shed.json();
        assertThat(error.get("code").asInt()).isEqualTo(503);
        assertThat(error.get("message").asText()).isEqualTo("Server busy; retry shortly");
        api.get(HeldRequestApplication.HELD, null).expect(503);
        // A HEAD runs the GET method in Jersey, so it is limited with it; so do the spellings Jersey routes alike.
        api.raw("HEAD", "/api/v1/users/me", null, null, Map.of("Authorization", "Bearer " + token)).expect(503);
        api.get("/api/v1/users/me/", token).expect(503);
        api.get("/api/v1/users/me;v=1", token).expect(503);
        api.delete("/api/v1/sessions/;x=1", token).expect(503);
        assertThat(metrics.meter("portcullis.limiter.rejected").getCount()).isEqualTo(6);
        assertThat(metrics.timer(EndpointTimers.total(EndpointTimers.named("usersMe"))).getCount())
                .as("a refusal is not a users/me the budget judges").isEqualTo(usersMeTimed);
        assertThat(new Api(APP.getAdminPort()).get("/prometheus", null).body()).contains(
                "portcullis_limiter_limit 2.0", "portcullis_limiter_inflight 2.0", "portcullis_limiter_rejected_total 6.0");

        api.get("/health", null).expect(200);
        api.login(email);

        releaseAndExpect200(held);
        api.get("/api/v1/users/me", token).expect(200);
        assertThat(metrics.getGauges().get("portcullis.limiter.inflight").getValue()).isEqualTo(0);
        assertThat(metrics.meter("portcullis.limiter.rejected").getCount()).isEqualTo(6);
    }

    @Test
    void switchedOffTheLimitAdmitsEveryRequest() throws Exception {
        withApp(Map.of("latencyGuard.limiter.enabled", "false"), app -> {
            RequestHold.arm(3);
            List<CompletableFuture<Api.Reply>> held = hold(new Api(app.getLocalPort()), 3);
            assertThat(RequestHold.awaitEntered()).as("all three are inside, beyond the limit of 2").isTrue();
            releaseAndExpect200(held);
            assertThat(app.getEnvironment().metrics().getNames()).noneMatch(name -> name.startsWith("portcullis.limiter."));
        });
    }

    /** The limit matches paths as Jersey does, inside its servlet: under a root path they still count. */
    @Test
    void underAServerRootPathTheLimitedEndpointsAreStillLimited() throws Exception {
        withApp(Map.of("server.rootPath", "/root/*"), app -> {
            Api api = new Api(app.getLocalPort());
            RequestHold.arm(2);
            List<CompletableFuture<Api.Reply>> held = hold(api, "/root" + HeldRequestApplication.HELD, 2);
            assertThat(RequestHold.awaitEntered()).as("both held requests are inside").isTrue();
            api.get("/root" + HeldRequestApplication.HELD, null).expect(503);
            api.get("/root/health", null).expect(200);
            releaseAndExpect200(held);
        });
    }

    private interface AppCheck {
        void run(DropwizardTestSupport<PortcullisConfiguration> app) throws Exception;
    }

    /** Runs {@code check} against an app of its own with the limit of two and {@code overrides}. */
    private static void withApp(Map<String, String> overrides, AppCheck check) throws Exception {
        Map<String, String> config = new java.util.HashMap<>(LIMIT_OF_TWO);
        config.putAll(overrides);
        DropwizardTestSupport<PortcullisConfiguration> app = TestApps.support(HeldRequestApplication.class,
                DB::url, config);
        app.before();
        try {
            check.run(app);
        } finally {
            app.after();
        }
    }

    private static void releaseAndExpect200(List<CompletableFuture<Api.Reply>> held) {
        RequestHold.release();
        for (CompletableFuture<Api.Reply> reply : held) {
            reply.join().expect(200);
        }
    }

    private List<CompletableFuture<Api.Reply>> hold(Api api, int requests) {
        return hold(api, HeldRequestApplication.HELD, requests);
    }

    private List<CompletableFuture<Api.Reply>> hold(Api api, String path, int requests) {
        return IntStream.range(0, requests)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.get(path, null), clients))
                .toList();
    }
}
