package org.portcullis.db;

import io.dropwizard.lifecycle.Managed;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Answers "is the database there?" within a fixed time, however many ask at once.
 *
 * <p>One probe ({@code SELECT 1}) runs at a time, on its own thread; every caller that arrives meanwhile
 * waits for that same probe, and its answer is reused for {@link #FRESH} afterwards. So a load balancer
 * hammering /health costs the database one query per second, and a busy instance is never reported down
 * just because many health checks arrived together. A database that hangs rather than refusing makes
 * callers give up after {@code timeout} and report it down.
 */
public final class DatabaseProbe implements Managed {
    /** How long an answer is reused. Short against the 5 s within which an outage must show. */
    static final Duration FRESH = Duration.ofSeconds(1);

    private final Jdbi jdbi;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<CompletableFuture<Boolean>> inFlight = new AtomicReference<>();
    private volatile Answer last;

    private record Answer(boolean up, long atNanos) {
    }

    public DatabaseProbe(Jdbi jdbi, Duration timeout) {
        this.jdbi = jdbi;
        this.timeout = timeout;
    }

    /** True if {@code SELECT 1} answered within the timeout, now or less than {@link #FRESH} ago. */
    public boolean isUp() {
        Answer answer = last;
        if (answer != null && System.nanoTime() - answer.atNanos() < FRESH.toNanos()) {
            return answer.up();
        }
        CompletableFuture<Boolean> probe = currentProbe();
        try {
            return probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The probe running now, or a new one if none is. */
    private CompletableFuture<Boolean> currentProbe() {
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        executor.execute(() -> {
            boolean up = query();
            last = new Answer(up, System.nanoTime());
            inFlight.set(null);
            mine.complete(up);
        });
        return mine;
    }

    private boolean query() {
        try {
            return jdbi.withHandle(handle -> handle.createQuery("SELECT 1")
                    .setQueryTimeout((int) Math.max(1, timeout.toSeconds()))
                    .mapTo(Integer.class)
                    .one()) == 1;
        } catch (RuntimeException down) {
            return false;
        }
    }

    @Override
    public void stop() {
        executor.shutdownNow();
    }
}
