package org.portcullis.load;

import io.gatling.javaapi.core.ScenarioBuilder;

import java.util.Collections;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The reference for {@link UsersMeSimulation}: the same closed model (same users, same phase, keep-alive
 * connections) on GET /health, which runs Jersey and one {@code SELECT 1} but no token and no session
 * lookup. loadtest.mk runs it right after users-me against the same service and divides the two
 * throughputs: users/me ÷ /health shows what authentication costs (goal: at least 0.5).
 */
public final class HealthSimulation extends PortcullisSimulation {

    public HealthSimulation() {
        ScenarioBuilder probes = scenario("health probes")
                .during(settings.duration()).on(PortcullisRequests.health());
        run(List.of(details(PortcullisRequests.HEALTH).failedRequests().count().is(0L)),
                probes.injectClosed(constantConcurrentUsers(settings.users()).during(settings.duration())));
    }

    @Override
    void prepare() {
        // No account: /health is public.
    }

    @Override
    List<String> warmUpPaths() {
        return List.of("/health");
    }

    @Override
    List<String> warmUpTokens() {
        return Collections.nCopies(settings.users(), null);
    }
}
