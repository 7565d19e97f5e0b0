package org.portcullis.db;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** When remembered callers may be served: {@link Freshness} on a clock the test moves. */
class FreshnessTest {
    private static final long MS = 1_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final Freshness freshness = new Freshness(Duration.ofMillis(100), clock::get);

    @Test
    void nothingIsServedBeforeTheFirstHeartbeatComesBack() {
        assertThat(freshness.isCurrent()).isFalse();
        clock.addAndGet(5 * MS);
        assertThat(freshness.isCurrent()).isFalse();
    }

    @Test
    void aReturnedHeartbeatVouchesForMaxStalenessAfterItWasSentAndNoLonger() {
        clock.addAndGet(MS);
        long sentAt = freshness.now();
        clock.addAndGet(MS);
        freshness.heartbeatReturned(sentAt);
        assertThat(freshness.isCurrent()).isTrue();

        clock.set(sentAt + 100 * MS);
        assertThat(freshness.isCurrent()).isTrue();
        clock.set(sentAt + 100 * MS + 1);
        assertThat(freshness.isCurrent()).as("a listener gone quiet stops vouching on its own").isFalse();
    }

    @Test
    void aWriteOfThisInstanceIsNotServedAroundUntilAHeartbeatSentAfterItComesBack() {
        clock.addAndGet(MS);
        freshness.heartbeatReturned(freshness.now());
        clock.addAndGet(MS);
        long beforeTheWrite = freshness.now();
        clock.addAndGet(MS);
        freshness.writeCommitted();
        assertThat(freshness.isCurrent()).isFalse();

        // A heartbeat sent before the write commits says nothing about the write's own notification.
        freshness.heartbeatReturned(beforeTheWrite);
        assertThat(freshness.isCurrent()).isFalse();

        clock.addAndGet(MS);
        freshness.heartbeatReturned(freshness.now());
        assertThat(freshness.isCurrent()).isTrue();
    }

    @Test
    void aWriteThatReadTheClockEarlierButReportsLaterDoesNotHideTheLaterWrite() {
        long start = freshness.now();
        clock.set(start + 10 * MS);
        freshness.writeCommitted();
        // A second writer whose clock reading was older reports after the first one.
        clock.set(start + MS);
        freshness.writeCommitted();

        clock.set(start + 20 * MS);
        freshness.heartbeatReturned(start + 5 * MS);
        assertThat(freshness.isCurrent()).as("sent before the later write committed").isFalse();
        freshness.heartbeatReturned(start + 11 * MS);
        assertThat(freshness.isCurrent()).isTrue();
    }

    @Test
    void aListenerThatKnowsItIsBrokenStopsServingAtOnceUntilItsNextHeartbeat() {
        clock.addAndGet(MS);
        freshness.heartbeatReturned(freshness.now());
        assertThat(freshness.isCurrent()).isTrue();

        freshness.lost();
        assertThat(freshness.isCurrent()).isFalse();

        clock.addAndGet(MS);
        freshness.heartbeatReturned(freshness.now());
        assertThat(freshness.isCurrent()).isTrue();
    }

    @Test
    void aHeartbeatSentBeforeTheListenerWasLostVouchesForNothing() {
        clock.addAndGet(MS);
        long sentBefore = freshness.now();
        clock.addAndGet(MS);
        freshness.lost();
        clock.addAndGet(MS);

        freshness.heartbeatReturned(sentBefore);
        assertThat(freshness.isCurrent()).as("sent while the triggers were still there, back after they went").isFalse();
    }
}
