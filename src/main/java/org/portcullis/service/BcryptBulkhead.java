package org.portcullis.service;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.dropwizard.lifecycle.Managed;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.RetryLaterException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Every bcrypt hash and check runs here, on a pool sized to the cores with a bounded queue. bcrypt is
 * pure CPU: more threads than cores only make every hash slower, and an unbounded pile of logins would
 * take all of Jetty's threads and starve the cheap endpoints.
 *
 * <p>So the bulkhead decides at the door. A hash is refused at once, with 503 and Retry-After, when the
 * queue is full or when it would wait longer than {@code maxWait} to start: the hashes ahead of it times
 * the pool's recent time per hash (a moving average of measured hashes, which includes whatever share of
 * the CPU the pool gets), divided by the threads. A hash that is let in is carried out, however long it
 * then waits: refusing it later would waste the wait the client already spent, and a transient stall
 * (a burst of logins, a busy moment on the box) would turn into errors while the pool is keeping up.
 *
 * <p>Dropwizard's lifecycle stops it with the server. Hashes already running finish; hashes still queued
 * are cancelled and their callers answered 503, at once: left in the queue they would either hold their
 * requests until the process dies or spend CPU on answers a stopping server may never send.
 */
public final class BcryptBulkhead implements Managed {
    static final String BUSY = "The service is busy; retry shortly";
    static final String STOPPING = "The service is restarting; retry shortly";
    /** How long stop() lets running hashes finish; one takes well under a second at production costs. */
    private static final Duration RUNNING_HASHES_GRACE = Duration.ofSeconds(5);

    private final PasswordHasher hasher;
    private final ThreadPoolExecutor pool;
    private final long maxWaitNanos;
    private final long retryAfterSeconds;
    private final Meter rejected;
    private final LongSupplier nanoTime;
    /** Moving average of the time one hash takes on the pool, in ns; 0 until the first one finished. */
    private final AtomicLong averageNanos = new AtomicLong();
    /**
     * Places (threads + queue) registrations may hold at once: half. Registering costs a hash like a login
     * does, so without a share of its own a flood of registrations would fill the pool and turn every
     * login into a 503.
     */
    private final Semaphore registrationPlaces;
    /**
     * The pool's places (threads + queue), taken before a hash is handed to the pool and given back inside
     * its task, before the caller learns the result: the executor's own view (a worker still counted active,
     * a synchronous hand-off not yet waiting) lags a finished hash, and a client whose next request came
     * straight after the answer was refused with 503 by a pool that was in fact idle.
     */
    private final Semaphore places;
    /** The places in all: {@code places} starts with this many. */
    private final int placesInAll;
    /** What the pool serves and is asked for, for the capacity gauges. */
    private final BcryptCapacity capacity;

    /** @param capacityWindow how far back the capacity gauges look (see {@link BcryptCapacity}) */
    public BcryptBulkhead(PasswordHasher hasher, int threads, int queueSize, Duration maxWait, Duration capacityWindow,
                          MetricRegistry metrics) {
        this(hasher, threads, queueSize, maxWait, capacityWindow, metrics, System::nanoTime);
    }

    BcryptBulkhead(PasswordHasher hasher, int threads, int queueSize, Duration maxWait, Duration capacityWindow,
                   MetricRegistry metrics, LongSupplier nanoTime) {
        this.hasher = hasher;
        this.nanoTime = nanoTime;
        this.capacity = new BcryptCapacity(threads, capacityWindow, hasher.startupHashNanos(), nanoTime);
        capacity.register(metrics);
        // Unbounded: the places bound it, so a hash admitted by them is never refused by the executor.
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new ThreadFactoryBuilder().setNameFormat("bcrypt-%d").setDaemon(true).build(),
                new ThreadPoolExecutor.AbortPolicy());
        this.placesInAll = threads + queueSize;
        this.places = new Semaphore(placesInAll);
        this.registrationPlaces = new Semaphore(Math.max(1, placesInAll / 2));
        this.maxWaitNanos = maxWait.toNanos();
        this.retryAfterSeconds = Math.max(1, maxWait.toSeconds());
        this.rejected = metrics.meter("portcullis.bcrypt.rejected");
        metrics.register("portcullis.bcrypt.queued", (Gauge<Integer>) () -> pool.getQueue().size());
        metrics.register("portcullis.bcrypt.active", (Gauge<Integer>) pool::getActiveCount);
        metrics.register("portcullis.bcrypt.average_seconds", (Gauge<Double>) () -> averageNanos.get() / 1e9);
    }

    public String hash(String password) {
        return run(() -> hasher.hash(password));
    }

    /** A new account's hash: as {@link #hash}, but registrations hold at most half of the pool's places. */
    public String hashForRegistration(String password) {
        if (!registrationPlaces.tryAcquire()) {
            capacity.askedForHash();
            throw busy();
        }
        try {
            return hash(password);
        } finally {
            registrationPlaces.release();
        }
    }

    public boolean matches(String password, String hash) {
        return run(() -> hasher.matches(password, hash));
    }

    /** See {@link PasswordHasher#matchesNothing}. */
    public boolean matchesNothing(String password) {
        return run(() -> hasher.matchesNothing(password));
    }

    /**
     * Refuses at once, as {@link #hash} or {@link #matches} would now, when the pool has neither a free thread
     * nor a queue slot with a wait within {@code maxWait}. For callers that can turn a request away before
     * spending anything on it: under a login flood most logins are refused, and parsing their bodies and
     * claiming their throttle attempts in the database took the CPU the admitted hashes needed. The answer
     * can be stale a moment later, so the submission itself still decides; this only spares the work of a
     * request that would be refused if it were submitted now.
     *
     * @throws RetryLaterException 503 with Retry-After, counted in {@code portcullis.bcrypt.rejected}
     */
    public void requireRoom() {
        if (pool.isShutdown()) {
            throw stopping();
        }
        if (!hasRoom()) {
            capacity.askedForHash(); // a request let through is counted when it asks for its hash
            throw busy();
        }
    }

    /** As {@link #requireRoom}, also refusing while registrations hold their half of the places. */
    public void requireRoomForRegistration() {
        if (registrationPlaces.availablePermits() == 0) {
            capacity.askedForHash();
            throw busy();
        }
        requireRoom();
    }

    /** Whether a hash submitted now would be let in: a thread free, or a queue slot and a short enough wait. */
    boolean hasRoom() {
        return places.availablePermits() > 0 && predictedWaitNanos() <= maxWaitNanos;
    }

    /** Runs {@code work} on the pool, or refuses it as described in the class comment. */
    <T> T run(Callable<T> work) {
        capacity.askedForHash();
        if (predictedWaitNanos() > maxWaitNanos) {
            throw busy();
        }
        if (!places.tryAcquire()) {
            throw pool.isShutdown() ? stopping() : busy();
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable giveBack = () -> {
            if (held.compareAndSet(true, false)) {
                places.release();
            }
        };
        FutureTask<T> task = new FutureTask<>(() -> {
            long start = nanoTime.getAsLong();
            try {
                return work.call();
            } finally {
                recordDuration(nanoTime.getAsLong() - start);
                giveBack.run();
            }
        }) {
            @Override
            protected void done() {
                giveBack.run(); // a task cancelled before it ran (stop) never reached its finally
            }
        };
        try {
            pool.execute(task);
        } catch (RejectedExecutionException refused) {
            giveBack.run();
            throw pool.isShutdown() ? stopping() : busy();
        }
        try {
            return task.get();
        } catch (CancellationException cancelledByStop) {
            throw stopping();
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

    /** How long a hash submitted now would wait to start: 0 while a thread is free. */
    long predictedWaitNanos() {
        int threads = pool.getMaximumPoolSize();
        int inFlight = placesInAll - places.availablePermits();
        if (inFlight < threads) {
            return 0;
        }
        return (inFlight - threads + 1) * averageNanos.get() / threads;
    }

    /** Exponential moving average, weight 1/8 for the newest: follows a change of load within a few hashes. */
    private void recordDuration(long nanos) {
        capacity.hashTook(nanos);
        averageNanos.accumulateAndGet(nanos, (average, latest) -> average == 0 ? latest : average + (latest - average) / 8);
    }

    private RetryLaterException busy() {
        rejected.mark();
        return new RetryLaterException(DomainException.Kind.UNAVAILABLE, BUSY, retryAfterSeconds);
    }

    private RetryLaterException stopping() {
        return new RetryLaterException(DomainException.Kind.UNAVAILABLE, STOPPING, retryAfterSeconds);
    }

    /** Takes no more work, cancels what is queued (its callers get 503) and lets running hashes finish. */
    @Override
    public void stop() throws InterruptedException {
        pool.shutdown();
        List<Runnable> queued = new ArrayList<>();
        pool.getQueue().drainTo(queued);
        for (Runnable task : queued) {
            ((Future<?>) task).cancel(false);
        }
        pool.awaitTermination(RUNNING_HASHES_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
