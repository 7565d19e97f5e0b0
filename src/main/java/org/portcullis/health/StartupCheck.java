package org.portcullis.health;

import com.codahale.metrics.health.HealthCheck;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The {@code started} health check: unhealthy until every condition the instance needs before it takes
 * traffic (its request pool answered, its caller-cache feed vouched for the memory) has held once, healthy
 * for good after that. It is critical and the module starts unhealthy ({@code initialOverallState: false}),
 * so a starting instance stays out of the load balancer's rotation until it can serve as fast as the others:
 * a node in rotation without its feed would read the database on every request, and one without a connection
 * would answer its first requests 503.
 *
 * <p>Each condition counts once: a feed lost later is the feed's business (the instance then reads the
 * database, which is safe) and the database going away is the {@code database} check's; neither is a reason
 * to say "still starting".
 */
public final class StartupCheck extends HealthCheck {
    /** Its name in config.yml's {@code health.healthChecks}. */
    public static final String NAME = "started";

    private final Map<String, BooleanSupplier> pending = new ConcurrentHashMap<>();

    /** Adds a condition, named for the check's message, that must hold once before the instance is started. */
    public void require(String name, BooleanSupplier condition) {
        pending.put(name, condition);
    }

    @Override
    protected Result check() {
        pending.entrySet().removeIf(condition -> holds(condition.getValue()));
        if (pending.isEmpty()) {
            return Result.healthy("started");
        }
        return Result.unhealthy("waiting for " + pending.keySet().stream().sorted().collect(Collectors.joining(", ")));
    }

    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException notYet) {
            return false;
        }
    }
}
