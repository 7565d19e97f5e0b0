package org.portcullis.health;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.lifecycle.Managed;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The {@code database} health check: does {@code SELECT 1} answer within {@code timeout}? It is the one
 * critical check of the health module, which runs it every second and reports the database down only after
 * several failures in a row (config.yml, {@code health.healthChecks}); the API's /health and the admin
 * /health-check both read that state.
 *
 * <p>Three properties, each the fix of a way the check used to lie:
 * <ul>
 * <li>It asks over its own one-connection pool, never the request pool: a node whose request pool is busy
 *     serving is working, and must not read as "database down" to a load balancer.</li>
 * <li>The query runs on the check's own thread and the caller waits at most {@code timeout}, so a database
 *     that hangs rather than refuses reads as down. While that query still hangs, later checks wait on it
 *     instead of starting another one.</li>
 * <li>Whatever the query throws, {@link Error}s included, completes that probe as a failure and the next
 *     check starts a fresh one: nothing can leave a probe pending forever and the check answering "down"
 *     for good (as an {@code Error} in the former probe did).</li>
 * </ul>
 */
public final class DatabaseCheck extends HealthCheck implements Managed {
    /** Its name in config.yml's {@code health.healthChecks}, and JdbiFactory's for the check it replaces. */
    public static final String NAME = "database";

    /** The question the check asks; throws (anything) if the database does not answer. */
    @FunctionalInterface
    interface Probe {
        void ask() throws Exception;
    }

    private final Probe probe;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-check");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<CompletableFuture<Void>> latest =
            new AtomicReference<>(CompletableFuture.completedFuture(null));

    /** @param probeJdbi a Jdbi over a pool of its own (one connection), not the request pool */
    public DatabaseCheck(Jdbi probeJdbi, Duration timeout) {
        this(() -> probeJdbi.useHandle(handle -> handle.createQuery("SELECT 1")
                .setQueryTimeout((int) Math.max(1, timeout.toSeconds()))
                .mapTo(Integer.class)
                .one()), timeout);
    }

    DatabaseCheck(Probe probe, Duration timeout) {
        this.probe = probe;
        this.timeout = timeout;
    }

    /**
     * Registers the check, its pool and its thread with the environment, under {@link #NAME}: the health
     * module schedules it as the critical check (config.yml) that /health and /health-check report.
     *
     * @param probePool a pool of one connection, not the request pool (DatabaseSettings.probePool)
     * @param instrument what the application does to each of its Jdbis (counts their statements)
     */
    public static void install(Environment environment, DataSourceFactory probePool, Duration timeout,
                               Consumer<Jdbi> instrument) {
        ManagedDataSource pool = probePool.build(environment.metrics(), "database-check");
        environment.lifecycle().manage(pool);
        Jdbi probeJdbi = Jdbi.create(pool);
        // As the request pool's: no bound values in exception messages (SELECT 1 binds none today).
        probeJdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        instrument.accept(probeJdbi);
        DatabaseCheck check = new DatabaseCheck(probeJdbi, timeout);
        environment.lifecycle().manage(check);
        environment.healthChecks().register(NAME, check);
    }

    @Override
    protected Result check() {
        try {
            currentProbe().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return Result.healthy();
        } catch (TimeoutException e) {
            return Result.unhealthy("SELECT 1 did not answer within %d ms", timeout.toMillis());
        } catch (ExecutionException e) {
            return Result.unhealthy("SELECT 1 failed: %s", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.unhealthy("interrupted while waiting for SELECT 1");
        }
    }

    /** The probe still running, else a new one. */
    private CompletableFuture<Void> currentProbe() {
        CompletableFuture<Void> last = latest.get();
        if (!last.isDone()) {
            return last;
        }
        CompletableFuture<Void> next = new CompletableFuture<>();
        if (!latest.compareAndSet(last, next)) {
            return latest.get();
        }
        try {
            executor.execute(() -> {
                try {
                    probe.ask();
                    next.complete(null);
                } catch (Throwable failure) {
                    next.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException stopped) {
            next.completeExceptionally(stopped);
        }
        return next;
    }

    @Override
    public void stop() {
        executor.shutdownNow();
    }
}
