package org.portcullis.core;

import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BcryptBulkheadTest {
    private final MetricRegistry metrics = new MetricRegistry();
    private final BcryptBulkhead bulkhead = new BcryptBulkhead(new PasswordHasher(4), 1, 1, Duration.ofMillis(200), metrics);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
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
    void aFullQueueIsRefusedAtOnceWhileWhatWasLetInIsCarriedOut() throws Exception {
        occupyTheThread(bulkhead);
        CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> bulkhead.hash("queued password"));
        awaitQueued(1);

        long start = System.nanoTime();
        assertThatThrownBy(() -> bulkhead.hash("one too many"))
                .isInstanceOfSatisfying(RetryLaterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
                    assertThat(e.retryAfterSeconds()).isEqualTo(1);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused without waiting").isLessThan(Duration.ofMillis(150));
        assertThat(metrics.meter("portcullis.bcrypt.rejected").getCount()).isEqualTo(1);

        release.countDown();
        assertThat(queued.get(5, TimeUnit.SECONDS)).as("admitted, so hashed however long it waited").startsWith("$2a$04$");
        assertThat(bulkhead.matchesNothing("after the flood")).isFalse();
    }

    @Test
    void aHashThatWouldWaitLongerThanMaxWaitIsRefusedAtOnceThoughTheQueueHasRoom() throws Exception {
        AtomicLong nanos = new AtomicLong();
        MetricRegistry roomyMetrics = new MetricRegistry();
        BcryptBulkhead roomy = new BcryptBulkhead(new PasswordHasher(4), 1, 4, Duration.ofMillis(200), roomyMetrics,
                nanos::get);
        try {
            // One hash that took 300 ms by the bulkhead's clock: the next one would wait that long for the thread.
            roomy.run(() -> nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(300)));
            assertThat(roomyMetrics.getGauges().get("portcullis.bcrypt.average_seconds").getValue()).isEqualTo(0.3);
            occupyTheThread(roomy);

            assertThat(roomy.predictedWaitNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
            assertThatThrownBy(() -> roomy.hash("would wait 300 ms")).isInstanceOf(RetryLaterException.class);
            assertThat(roomyMetrics.getGauges().get("portcullis.bcrypt.queued").getValue()).isEqualTo(0);
            assertThat(roomyMetrics.meter("portcullis.bcrypt.rejected").getCount()).isEqualTo(1);
        } finally {
            release.countDown();
            roomy.stop();
        }
    }

    @Test
    void aFreeThreadMeansNoWaitWhateverHashesCost() {
        AtomicLong nanos = new AtomicLong();
        BcryptBulkhead idle = new BcryptBulkhead(new PasswordHasher(4), 2, 4, Duration.ofMillis(200),
                new MetricRegistry(), nanos::get);
        try {
            idle.run(() -> nanos.addAndGet(TimeUnit.SECONDS.toNanos(5)));
            assertThat(idle.predictedWaitNanos()).isZero();
            assertThat(idle.matchesNothing("still admitted")).isFalse();
        } finally {
            idle.stop();
        }
    }

    /** Blocks the bulkhead's only thread until {@link #release}. */
    private void occupyTheThread(BcryptBulkhead target) throws InterruptedException {
        CountDownLatch busy = new CountDownLatch(1);
        CompletableFuture.supplyAsync(() -> target.run(() -> {
            busy.countDown();
            return release.await(10, TimeUnit.SECONDS);
        }));
        busy.await();
    }

    private void awaitQueued(int count) {
        while (!metrics.getGauges().get("portcullis.bcrypt.queued").getValue().equals(count)) {
            Thread.onSpinWait();
        }
    }
}
