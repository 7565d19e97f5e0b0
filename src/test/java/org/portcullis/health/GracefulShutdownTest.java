package org.portcullis.health;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.health.ShutdownNotifier;
import org.eclipse.jetty.util.component.Graceful;
import io.dropwizard.testing.DropwizardTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.GatedBcryptApplication;
import org.portcullis.support.PasswordCheckHold;
import org.portcullis.support.TestApps;
import org.portcullis.support.TestDatabase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a SIGTERM does, step by step, as the JVM's shutdown hook runs it: first the health module's delayed
 * shutdown ({@link ShutdownNotifier#notifyShutdownStarted}, registered before Jetty with the hook), then
 * Jetty's graceful stop. The steps are driven here one at a time (with {@code shutdownWaitPeriod} 0, so the
 * module's wait is not this test's), and a login is held inside bcrypt by {@link PasswordCheckHold} so that
 * "in flight" is a fact, not a race. A real SIGTERM through HAProxy is {@code BehindHaproxyTest}'s.
 */
class GracefulShutdownTest {
    private final TestDatabase db = TestDatabase.h2();
    private final DropwizardTestSupport<PortcullisConfiguration> app = TestApps.support(DrainingApplication.class,
            db::url, Map.of("health.shutdownWaitPeriod", "0s"));
    private Api api;

    @BeforeEach
    void start() throws Exception {
        app.before();
        api = new Api(app.getLocalPort());
    }

    @AfterEach
    void stop() {
        PasswordCheckHold.release();
        app.after();
        db.close();
    }

    @Test
    void shutdownFailsTheLoadBalancerPathsAtOnceWhileTheInstanceKeepsServing() throws Exception {
        String access = api.newAccessToken();
        api.get("/health", null).expect(200);
        assertThat(adminHealthCheck()).isEqualTo(200);

        shutdownNotifier().notifyShutdownStarted();

        assertThat(api.get("/health", null).expect(503).json().at("/checks/database/status").asText()).isEqualTo("up");
        assertThat(adminHealthCheck()).isEqualTo(503);
        // Until the balancer has noticed, whatever it still sends is served.
        api.get("/api/v1/users/me", access).expect(200);
        api.login(api.newAccount());
    }

    /**
     * The held login is let go only once Jetty has begun its graceful stop ({@link ReleaseHeldLoginsOnStop}): a
     * Jetty that did not drain would never call it, and would have stopped (cutting the login) long before
     * the hold's own 30 s deadline.
     */
    @Test
    void aLoginInsideBcryptWhenJettyStopsIsAnsweredBeforeTheServerHasStopped() throws Exception {
        String email = api.newAccount();
        shutdownNotifier().notifyShutdownStarted();
        PasswordCheckHold.arm(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> login = CompletableFuture.supplyAsync(() -> {
            int status = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD)).status();
            order.add("login answered " + status);
            return status;
        });
        assertThat(PasswordCheckHold.awaitDecided()).as("the login reached bcrypt").isTrue();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            app.after();
            order.add("server stopped");
        });

        assertThat(login.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        stopped.get(30, TimeUnit.SECONDS);
        assertThat(order).containsExactly("login answered 200", "server stopped");
    }

    /** The application with {@link ReleaseHeldLoginsOnStop} on its Jetty server. */
    public static class DrainingApplication extends GatedBcryptApplication {
        @Override
        public void run(PortcullisConfiguration config, Environment environment) {
            super.run(config, environment);
            environment.lifecycle().addServerLifecycleListener(server -> server.addBean(new ReleaseHeldLoginsOnStop()));
        }
    }

    /** Jetty calls every Graceful of the server when its graceful stop begins, and waits for them. */
    static final class ReleaseHeldLoginsOnStop implements Graceful {
        private volatile boolean shutdown;

        @Override
        public CompletableFuture<Void> shutdown() {
            shutdown = true;
            PasswordCheckHold.release();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }
    }

    private ShutdownNotifier shutdownNotifier() {
        return (ShutdownNotifier) app.getEnvironment().health().healthStateAggregator();
    }

    private int adminHealthCheck() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.getAdminPort() + AdminHealthCheck.PATH)).build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }
}
