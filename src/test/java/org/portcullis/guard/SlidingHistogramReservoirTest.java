package org.portcullis.guard;

import com.codahale.metrics.Snapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SlidingHistogramReservoirTest {
    private final LatencyBudgetCheckTest.ManualClock clock = new LatencyBudgetCheckTest.ManualClock();
    private final SlidingHistogramReservoir reservoir = new SlidingHistogramReservoir(Duration.ofSeconds(10), clock);

    @Test
    void anEmptyWindowReadsAsZeros() {
        Snapshot snapshot = reservoir.getSnapshot();
        assertThat(snapshot.size()).isZero();
        assertThat(snapshot.getMean()).isZero();
        assertThat(snapshot.get99thPercentile()).isZero();
        assertThat(snapshot.getValues()).isEmpty();
    }

    @Test
    void quantilesMeanAndValuesKeepThreeSignificantDigits() {
        record(900, 5);
        record(100, 80);
        Snapshot snapshot = reservoir.getSnapshot();

        assertThat(snapshot.size()).isEqualTo(1000);
        assertThat(snapshot.getMedian()).isCloseTo(ms(5), within(ms(5) / 1000));
        assertThat(snapshot.get99thPercentile()).isCloseTo(ms(80), within(ms(80) / 1000));
        assertThat(snapshot.getMean()).isCloseTo(ms(0.9 * 5 + 0.1 * 80), within(ms(12.5) / 1000));
        assertThat(snapshot.getMax()).isCloseTo(TimeUnit.MILLISECONDS.toNanos(80), within(TimeUnit.MILLISECONDS.toNanos(80) / 1000));
        assertThat(snapshot.getValues()).hasSize(1000).isSorted();
    }

    @Test
    void samplesLeaveTheWindowOnceItHasMovedPastThem() {
        record(10, 200);
        clock.advance(5, TimeUnit.SECONDS);
        record(10, 3);
        assertThat(reservoir.getSnapshot().size()).as("both within 10 s").isEqualTo(20);

        clock.advance(6, TimeUnit.SECONDS);
        Snapshot snapshot = reservoir.getSnapshot();
        assertThat(snapshot.size()).as("the first ten are 11 s old").isEqualTo(10);
        assertThat(snapshot.getMax()).isLessThan(TimeUnit.MILLISECONDS.toNanos(4));

        clock.advance(20, TimeUnit.SECONDS);
        assertThat(reservoir.getSnapshot().size()).isZero();
    }

    @Test
    void samplesRecordedBeforeALongSilenceCountForTheirOwnTime() {
        record(5, 200);
        clock.advance(30, TimeUnit.SECONDS);
        record(1, 3);
        assertThat(reservoir.getSnapshot().size()).isEqualTo(1);
    }

    @Test
    void aDurationBeyondAMinuteCountsAsAMinute() {
        reservoir.update(TimeUnit.HOURS.toNanos(2));
        assertThat(reservoir.getSnapshot().getMax()).isCloseTo(TimeUnit.MINUTES.toNanos(1), within(TimeUnit.MINUTES.toNanos(1) / 1000));
    }

    @Test
    void concurrentRecordingLosesNothing() {
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            writers.add(CompletableFuture.runAsync(() -> record(25_000, 2)));
        }
        writers.forEach(CompletableFuture::join);
        assertThat(reservoir.getSnapshot().size()).isEqualTo(100_000);
    }

    private void record(int requests, long millis) {
        for (int i = 0; i < requests; i++) {
            reservoir.update(TimeUnit.MILLISECONDS.toNanos(millis));
        }
    }

    private static double ms(double millis) {
        return millis * 1_000_000;
    }
}
