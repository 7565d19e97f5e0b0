package org.portcullis.service;

import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The capacity arithmetic on a clock moved by hand: a one-minute window of 12 five-second slices. */
class BcryptCapacityTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Starts at an arbitrary reading: System.nanoTime has no fixed origin and may be negative. */
    private final AtomicLong clock = new AtomicLong(-7 * SECOND);
    private final BcryptCapacity capacity = new BcryptCapacity(2, Duration.ofMinutes(1), 400 * MS, clock::get);

    @Test
    void beforeAnyHashTheStartupHashSetsTheCapacityAndAnIdleNodeHasAllItsHeadroom() {
        assertThat(capacity.secondsPerHash()).isEqualTo(0.4);
        assertThat(capacity.loginsPerSecond()).isEqualTo(5.0);
        assertThat(capacity.askedPerSecond()).isZero();
        assertThat(capacity.headroom()).isEqualTo(1.0);
    }

    @Test
    void capacityIsThreadsOverTheMeanHashTimeOfTheWindow() {
        capacity.hashTook(200 * MS);
        capacity.hashTook(300 * MS);
        clock.addAndGet(20 * SECOND);
        capacity.hashTook(250 * MS);
        capacity.hashTook(250 * MS);

        assertThat(capacity.secondsPerHash()).isEqualTo(0.25);
        assertThat(capacity.loginsPerSecond()).isEqualTo(8.0);
    }

    @Test
    void askedPerSecondDividesByTheTimeRunUntilAWholeWindowHasPassedThenForgetsOlderAsks() {
        for (int i = 0; i < 30; i++) {
            capacity.askedForHash();
        }
        clock.addAndGet(10 * SECOND);
        assertThat(capacity.askedPerSecond()).as("30 in the first 10 s").isEqualTo(3.0);
        clock.addAndGet(10 * SECOND);
        assertThat(capacity.askedPerSecond()).as("30 in the first 20 s").isEqualTo(1.5);

        clock.addAndGet(40 * SECOND);
        assertThat(capacity.askedPerSecond()).as("a minute later, their slice has left the window").isZero();
    }

    @Test
    void theFirstLoginAfterAStartIsDividedByAtLeastOneSlice() {
        capacity.askedForHash();
        clock.addAndGet(MS);

        assertThat(capacity.askedPerSecond()).isEqualTo(0.2);
    }

    @Test
    void headroomIsTheShareOfCapacityNotAskedForAndGoesNegativeWhenMoreIsAsked() {
        capacity.hashTook(250 * MS); // 2 threads / 0.25 s = 8 logins/s
        for (int i = 0; i < 60; i++) {
            capacity.askedForHash();
        }
        clock.addAndGet(30 * SECOND);
        assertThat(capacity.headroom()).as("2/s of 8/s asked").isEqualTo(0.75);

        for (int i = 0; i < 660; i++) {
            capacity.askedForHash();
        }
        clock.addAndGet(30 * SECOND);
        assertThat(capacity.askedPerSecond()).isEqualTo(12.0);
        assertThat(capacity.headroom()).as("12/s asked of 8/s").isEqualTo(-0.5);
    }

    @Test
    void hashesOlderThanTheWindowAreForgottenButAQuietNodeKeepsItsLastHashTime() {
        capacity.hashTook(100 * MS);
        clock.addAndGet(30 * SECOND);
        capacity.hashTook(500 * MS);
        assertThat(capacity.secondsPerHash()).isEqualTo(0.3);

        clock.addAndGet(35 * SECOND);
        assertThat(capacity.secondsPerHash()).as("the 100 ms hash left the window").isEqualTo(0.5);

        clock.addAndGet(10 * 60 * SECOND);
        assertThat(capacity.secondsPerHash()).as("none in the window: the last one").isEqualTo(0.5);
        assertThat(capacity.askedPerSecond()).isZero();
    }

    @Test
    void hashesFasterThanTheClockCanTellStillGiveAFiniteCapacity() {
        capacity.hashTook(0);

        assertThat(capacity.loginsPerSecond()).isFinite().isCloseTo(2e9, within(1.0));
    }

    @Test
    void theGaugesAreRegisteredUnderPortcullisCapacity() {
        MetricRegistry metrics = new MetricRegistry();
        capacity.register(metrics);
        capacity.hashTook(500 * MS);
        capacity.askedForHash();
        clock.addAndGet(10 * SECOND);

        assertThat(metrics.getGauges().get("portcullis.capacity.logins-per-second").getValue()).isEqualTo(4.0);
        assertThat(metrics.getGauges().get("portcullis.capacity.logins-asked-per-second").getValue()).isEqualTo(0.1);
        assertThat(metrics.getGauges().get("portcullis.capacity.login-headroom").getValue())
                .isEqualTo(1 - 0.1 / 4.0);
    }
}
