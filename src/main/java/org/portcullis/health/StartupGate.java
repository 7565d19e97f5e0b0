package org.portcullis.health;

import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Holds the server's start until the instance is {@link InRotation in rotation} (its {@link StartupCheck} and
 * database check passed, as the health module schedules them), at most {@code timeout}. Managed last, it runs
 * after every other managed object has started (pools, the caller-cache feed) and before Jetty opens its
 * connectors, which come last in a start: so nobody, balancer or client, meets an open port that answers 503
 * for not being ready yet, and the module's scheduling lag (a check runs every so often) is spent before the
 * port opens instead of after. Past the timeout the ports open anyway, with a WARN: /health then says 503 and
 * why, which serves an operator better than a port that never opens.
 */
public final class StartupGate implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(StartupGate.class);
    /** How often the module's state is read while waiting: far below a check's interval, and the wait is a start's. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final BooleanSupplier ready;
    private final Duration timeout;

    public StartupGate(BooleanSupplier ready, Duration timeout) {
        this.ready = ready;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                LOG.warn("Not ready after {} s (see /health-check?name=all); opening the ports anyway",
                        timeout.toSeconds());
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
