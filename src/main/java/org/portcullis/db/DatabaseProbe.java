package org.portcullis.db;

import io.dropwizard.lifecycle.Managed;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers "is the database there?" within a fixed time. The query runs on its own small thread pool and
 * the caller waits at most {@code timeout}: a database that hangs (rather than refusing) would otherwise
 * hang the health endpoint too, which is exactly when a load balancer needs its answer.
 */
public final class DatabaseProbe implements Managed {
    private final Jdbi jdbi;
    private final Duration timeout;
    private final ThreadPoolExecutor executor;

    public DatabaseProbe(Jdbi jdbi, Duration timeout) {
        this.jdbi = jdbi;
        this.timeout = timeout;
        // Two threads and a short queue: probes piling up behind a hung database are refused, not queued.
        this.executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(4),
                runnable -> {
                    Thread thread = new Thread(runnable, "database-probe");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** True if {@code SELECT 1} answered within the timeout. */
    public boolean isUp() {
        Future<Integer> answer;
        try {
            answer = executor.submit(() -> jdbi.withHandle(handle -> handle.createQuery("SELECT 1")
                    .setQueryTimeout((int) Math.max(1, timeout.toSeconds()))
                    .mapTo(Integer.class)
                    .one()));
        } catch (RejectedExecutionException busy) {
            return false;
        }
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS) == 1;
        } catch (TimeoutException | ExecutionException e) {
            answer.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void stop() {
        executor.shutdownNow();
    }
}
