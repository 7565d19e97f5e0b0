package org.portcullis.service;

import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.RetryLaterException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BcryptBulkheadTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final MetricRegistry metrics = new MetricRegistry();
    private final BcryptBulkhead bulkhead = new BcryptBulkhead(new PasswordHasher(4), 1, 1, Duration.ofMillis(200), MINUTE, metrics);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        bulkhead.stop();
    }

    @Test
    void hashesAndChecksRunThroughThePool() {
        String hash = bulkhead.hash("correct horse battery");
        assertThat(bulkhead.matches("correct horse battery", hash)).isTrue();
        assertThat(bulkhead.matches("wrong", hash)).isFalse();
        assertThat(bulkhead.matchesNothing("anything")).isFalse();
    }

    @Test
    void poolThreadsAreNamedBcryptN() {
        assertThat(bulkhead.run(() -> Thread.currentThread().getName())).matches("bcrypt-\\d+");
    }

    @Test
    void queuedHashesAreAnswered503AtShutdownWhileTheRunningOneFinishes() throws Exception {
        MetricRegistry stoppingMetrics = new MetricRegistry();
        BcryptBulkhead stopping = new BcryptBulkhead(new PasswordHasher(4), 1, 2, Duration.ofSeconds(10), MINUTE, stoppingMetrics);
        CompletableFuture<Boolean> running = occupyTheThread(stopping);
        List<CompletableFuture<String>> queued = List.of(
                CompletableFuture.supplyAsync(() -> stopping.hash("queued one")),
                CompletableFuture.supplyAsync(() -> stopping.hash("queued two")));
        awaitQueued(stoppingMetrics, 2);

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            try {
                stopping.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        for (CompletableFuture<String> caller : queued) {
            ExecutionException answer = catchThrowableOfType(() -> caller.get(5, TimeUnit.SECONDS), ExecutionException.class);
            assertThat(answer).as("answered while the running hash still holds the thread").isNotNull();
            assertThat(answer.getCause()).isInstanceOfSatisfying(RetryLaterException.class, e -> {
                assertThat(e.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
                assertThat(e.getMessage()).isEqualTo(BcryptBulkhead.STOPPING);
            });
        }
        assertThat(running).as("the running hash is not cut short").isNotDone();
        assertThatThrownBy(() -> stopping.hash("after stop")).isInstanceOfSatisfying(RetryLaterException.class,
                e -> assertThat(e.getMessage()).isEqualTo(BcryptBulkhead.STOPPING));

        release.countDown();
        assertThat(running.get(5, TimeUnit.SECONDS)).as("finished its work").isTrue();
        stopped.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFullQueueIsRefusedAtOnceWhileWhatWasLetInIsCarriedOut() throws Exception {
        occupyTheThread(bulkhead);
        CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> bulkhead.hash("queued password"));
        awaitQueued(metrics, 1);

        // Only the refusal is timed, not AssertJ: this test may run first, when AssertJ's many classes still load.
        RuntimeException refusal = null;
        long start = System.nanoTime();
        try {
            bulkhead.hash("one too many");
        } catch (RuntimeException e) {
            refusal = e;
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(refusal).isInstanceOfSatisfying(RetryLaterException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
            assertThat(e.retryAfterSeconds()).isEqualTo(1);
        });
        assertThat(waited).as("refused without waiting").isLessThan(Duration.ofMillis(150));
        assertThat(metrics.meter("portcullis.bcrypt.rejected").getCount()).isEqualTo(1);

        release.countDown();
        assertThat(queued.get(5, TimeUnit.SECONDS)).as("admitted, so hashed however long it waited").startsWith("$2a$04$");
        assertThat(bulkhead.matchesNothing("after the flood")).isFalse();
    }

    @Test
    void theDoorRefusesOnlyWhenNeitherAThreadNorAQueueSlotIsLeftAndOpensAgainAfterwards() throws Exception {
        bulkhead.requireRoom();
        CompletableFuture<Boolean> running = occupyTheThread(bulkhead);
        bulkhead.requireRoom();
        CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> bulkhead.hash("queued password"));
        awaitQueued(metrics, 1);

        assertThatThrownBy(bulkhead::requireRoom).isInstanceOfSatisfying(RetryLaterException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo(BcryptBulkhead.BUSY);
            assertThat(e.retryAfterSeconds()).isEqualTo(1);
        });
        assertThatThrownBy(bulkhead::requireRoomForRegistration).isInstanceOf(RetryLaterException.class);
        assertThat(metrics.meter("portcullis.bcrypt.rejected").getCount()).as("door refusals are counted").isEqualTo(2);

        release.countDown();
        assertThat(running.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(queued.get(5, TimeUnit.SECONDS)).startsWith("$2a$04$");
        awaitQueued(metrics, 0);
        awaitIdle(metrics);
        bulkhead.requireRoom();
    }

    @Test
    void aHashThatWouldWaitLongerThanMaxWaitIsRefusedAtOnceThoughTheQueueHasRoom() throws Exception {
        AtomicLong nanos = new AtomicLong();
        MetricRegistry roomyMetrics = new MetricRegistry();
        BcryptBulkhead roomy = new BcryptBulkhead(new PasswordHasher(4), 1, 4, Duration.ofMillis(200), MINUTE, roomyMetrics,
                nanos::get);
        try {
            // One hash that took 300 ms by the bulkhead's clock: the next one would wait that long for the thread.
            roomy.run(() -> nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(300)));
            assertThat(roomyMetrics.getGauges().get("portcullis.bcrypt.average_seconds").getValue()).isEqualTo(0.3);
            // The caller has its answer a moment before the worker counts itself idle; until then the
            // bulkhead would predict a wait and refuse the hash that is to occupy the thread.
            awaitIdle(roomyMetrics);
            occupyTheThread(roomy);

            assertThat(roomy.predictedWaitNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
            assertThatThrownBy(roomy::requireRoom).as("the door predicts the same wait").isInstanceOf(RetryLaterException.class);
            assertThatThrownBy(() -> roomy.hash("would wait 300 ms")).isInstanceOf(RetryLaterException.class);
            assertThat(roomyMetrics.getGauges().get("portcullis.bcrypt.queued").getValue()).isEqualTo(0);
            assertThat(roomyMetrics.meter("portcullis.bcrypt.rejected").getCount()).isEqualTo(2);
        } finally {
            release.countDown();
            roomy.stop();
        }
    }

    @Test
    void aFreeThreadMeansNoWaitWhateverHashesCost() throws InterruptedException {
        AtomicLong nanos = new AtomicLong();
        BcryptBulkhead idle = new BcryptBulkhead(new PasswordHasher(4), 2, 4, Duration.ofMillis(200), MINUTE,
                new MetricRegistry(), nanos::get);
        try {
            idle.run(() -> nanos.addAndGet(TimeUnit.SECONDS.toNanos(5)));
            assertThat(idle.predictedWaitNanos()).isZero();
            assertThat(idle.matchesNothing("still admitted")).isFalse();
        } finally {
            idle.stop();
        }
    }

    @Test
    void registrationsHoldAtMostHalfOfThePoolSoLoginsStillGetIn() throws Exception {
        CountDownLatch registrationsMayFinish = new CountDownLatch(1);
        PasswordHasher slowRegistrations = new PasswordHasher(4, (password, salt) -> {
            if (password.startsWith("new account")) {
                awaitQuietly(registrationsMayFinish);
            }
            return BCrypt.hashpw(password, salt);
        });
        MetricRegistry shared = new MetricRegistry();
        // 1 thread + 3 queued = 4 places: registrations may hold 2 of them.
        BcryptBulkhead pool = new BcryptBulkhead(slowRegistrations, 1, 3, Duration.ofSeconds(10), MINUTE, shared);
        try {
            CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> pool.hashForRegistration("new account 1"));
            CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> pool.hashForRegistration("new account 2"));
            while (!shared.getGauges().get("portcullis.bcrypt.queued").getValue().equals(1)) {
                Thread.onSpinWait();
            }

            assertThatThrownBy(() -> pool.hashForRegistration("new account 3"))
                    .as("the registrations' half is taken, though the queue has room")
                    .isInstanceOf(RetryLaterException.class);
            assertThatThrownBy(pool::requireRoomForRegistration).as("the door sees the half taken")
                    .isInstanceOf(RetryLaterException.class);
            pool.requireRoom();
            CompletableFuture<Boolean> login = CompletableFuture.supplyAsync(() -> pool.matchesNothing("a login"));
            registrationsMayFinish.countDown();

            assertThat(login.get(10, TimeUnit.SECONDS)).as("the login was let in and checked").isFalse();
            assertThat(running.get(10, TimeUnit.SECONDS)).startsWith("$2a$04$");
            assertThat(queued.get(10, TimeUnit.SECONDS)).startsWith("$2a$04$");
            assertThat(pool.hashForRegistration("new account 4")).as("places are given back").startsWith("$2a$04$");
        } finally {
            registrationsMayFinish.countDown();
            pool.stop();
        }
    }

    /**
     * The capacity gauges' demand: a hash refused at the door, refused at submission or let in counts once
     * each, and the door letting a request through does not count it twice. By the bulkhead's clock, held
     * still, five hashes asked for in the first five-second slice read as 1 per second.
     */
    @Test
    void everyHashAskedForCountsOnceWhetherLetInOrRefused() throws Exception {
        AtomicLong nanos = new AtomicLong();
        MetricRegistry counted = new MetricRegistry();
        BcryptBulkhead single = new BcryptBulkhead(new PasswordHasher(4), 1, 0, Duration.ofMillis(200), MINUTE,
                counted, nanos::get);
        try {
            single.requireRoom();
            String hash = single.hash("let in");
            awaitIdle(counted);
            CompletableFuture<Boolean> running = occupyTheThread(single);
            assertThatThrownBy(single::requireRoom).isInstanceOf(RetryLaterException.class);
            assertThatThrownBy(() -> single.matches("refused at submission", hash)).isInstanceOf(RetryLaterException.class);
            release.countDown();
            assertThat(running.get(5, TimeUnit.SECONDS)).isTrue();
            awaitIdle(counted);
            single.requireRoom();
            assertThat(single.matches("let in", hash)).isTrue();

            assertThat(counted.getGauges().get("portcullis.capacity.logins-asked-per-second").getValue()).isEqualTo(1.0);
        } finally {
            single.stop();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks the bulkhead's only thread until {@link #release}; the future completes once released. */
    private CompletableFuture<Boolean> occupyTheThread(BcryptBulkhead target) throws InterruptedException {
        CountDownLatch busy = new CountDownLatch(1);
        CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> target.run(() -> {
            busy.countDown();
            return release.await(10, TimeUnit.SECONDS);
        }));
        busy.await();
        return running;
    }

    private static void awaitIdle(MetricRegistry registry) {
        while (!registry.getGauges().get("portcullis.bcrypt.active").getValue().equals(0)) {
            Thread.onSpinWait();
        }
    }

    private static void awaitQueued(MetricRegistry registry, int count) {
        while (!registry.getGauges().get("portcullis.bcrypt.queued").getValue().equals(count)) {
            Thread.onSpinWait();
        }
    }

    /**
     * One thread, no queue: a hash started the moment the previous one returned must find the pool free.
     * The executor's own view lagged (its worker still counted active, the hand-off not yet waiting), and a
     * client's login straight after its registration was refused with 503 by an idle pool.
     */
    @Test
    void aHashRightAfterTheLastOneReturnedIsNeverRefusedByAnIdlePool() throws Exception {
        BcryptBulkhead single = new BcryptBulkhead(new PasswordHasher(4), 1, 0, Duration.ofSeconds(1), MINUTE, new MetricRegistry());
        String hash = single.hash("correct horse battery");
        for (int i = 0; i < 500; i++) {
            single.requireRoom();
            assertThat(single.matches("correct horse battery", hash)).isTrue();
        }
        single.stop();
    }
}
