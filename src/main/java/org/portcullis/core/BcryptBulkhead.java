package org.portcullis.core;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Every bcrypt hash and check runs here, on a pool sized to the cores with a bounded queue. bcrypt is
 * pure CPU: more threads than cores only make every hash slower, and an unbounded pile of logins would
 * take all of Jetty's threads and starve the cheap endpoints. So a hash that cannot even be queued, or
 * that waits longer than {@code maxWait} to start, is refused at once with 503 and Retry-After; once
 * started, it runs to the end.
 */
public final class BcryptBulkhead implements Managed {
    static final String BUSY = "The service is busy; retry shortly";

    private final PasswordHasher hasher;
    private final ThreadPoolExecutor pool;
    private final long maxWaitNanos;
    private final long retryAfterSeconds;
    private final Meter rejected;

    public BcryptBulkhead(PasswordHasher hasher, int threads, int queueSize, Duration maxWait, MetricRegistry metrics) {
        this.hasher = hasher;
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                queueSize == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueSize),
                runnable -> {
                    Thread thread = new Thread(runnable, "bcrypt");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.maxWaitNanos = maxWait.toNanos();
        this.retryAfterSeconds = Math.max(1, maxWait.toSeconds());
        this.rejected = metrics.meter("portcullis.bcrypt.rejected");
        metrics.register("portcullis.bcrypt.queued", (Gauge<Integer>) () -> pool.getQueue().size());
        metrics.register("portcullis.bcrypt.active", (Gauge<Integer>) pool::getActiveCount);
    }

    public String hash(String password) {
        return run(() -> hasher.hash(password));
    }

    public boolean matches(String password, String hash) {
        return run(() -> hasher.matches(password, hash));
    }

    /** See {@link PasswordHasher#matchesNothing}. */
    public boolean matchesNothing(String password) {
        return run(() -> hasher.matchesNothing(password));
    }

    /** Runs {@code work} on the pool, or refuses it as described in the class comment. */
    <T> T run(Callable<T> work) {
        CountDownLatch started = new CountDownLatch(1);
        FutureTask<T> task = new FutureTask<>(() -> {
            started.countDown();
            return work.call();
        });
        try {
            pool.execute(task);
        } catch (RejectedExecutionException full) {
            throw busy();
        }
        try {
            if (!started.await(maxWaitNanos, TimeUnit.NANOSECONDS) && task.cancel(false)) {
                pool.remove(task);
                throw busy();
            }
            return task.get();
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw busy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private RetryLaterException busy() {
        rejected.mark();
        return new RetryLaterException(DomainException.Kind.UNAVAILABLE, BUSY, retryAfterSeconds);
    }

    @Override
    public void stop() {
        pool.shutdownNow();
    }
}
