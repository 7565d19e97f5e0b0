package org.portcullis.core;

import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
    void aFullQueueIsRefusedAtOnceAndALongWaitAfterMaxWait() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CompletableFuture<Boolean> occupying = CompletableFuture.supplyAsync(() -> bulkhead.run(() -> {
            busy.countDown();
            return release.await(10, TimeUnit.SECONDS);
        }));
        busy.await();
        CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> bulkhead.hash("queued password"));
        while (metrics.getGauges().get("portcullis.bcrypt.queued").getValue().equals(0)) {
            Thread.onSpinWait();
        }

        long start = System.nanoTime();
        assertThatThrownBy(() -> bulkhead.hash("one too many"))
                .isInstanceOfSatisfying(RetryLaterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
                    assertThat(e.retryAfterSeconds()).isEqualTo(1);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused without waiting").isLessThan(Duration.ofMillis(150));

        assertThat(queued).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(RetryLaterException.class);
        assertThat(metrics.meter("portcullis.bcrypt.rejected").getCount()).isEqualTo(2);

        release.countDown();
        assertThat(occupying.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(bulkhead.matchesNothing("after the flood")).isFalse();
    }
}
